package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code p2m} on the Xen host kdump against libkdumpfile's pfn to mfn of every dom0 pfn (0 to 0x14060,
 * max_pfn 0x14061 as the corpus README says), and a dump without Xen.
 */
class XenP2mCliTest {
    private static String dump;
    private static Map<Long, Long> truth;

    @BeforeAll
    static void restore() {
        dump = Corpus.dump("xen", "x1-xen-kdump.vmcore").toString();
        truth = XenP2mTruth.pfnToMfn();
        assertEquals(0x14061, truth.size());
    }

    @Test
    void runsGiveEveryPfnTheTruthsMfn() {
        CliRun r = CliRun.of("p2m", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode p2m = r.json();
        assertEquals(0x14061, p2m.get("maxPfn").asLong());
        assertEquals("tree", p2m.get("layout").asText());
        assertEquals(0, p2m.get("invalid").asLong());
        assertEquals(0, p2m.get("unreachable").size());
        Map<Long, Long> ours = new HashMap<>();
        Map<String, Long> kinds = new HashMap<>();
        for (JsonNode run : p2m.get("runs")) {
            long pfn = Hex.parse(run.get("pfn").asText());
            long mfn = Hex.parse(run.get("mfn").asText());
            long count = run.get("count").asLong();
            kinds.merge(run.get("kind").asText(), count, Long::sum);
            for (long i = 0; i < count; i++) {
                assertEquals(null, ours.put(pfn + i, mfn + i), "pfn " + Hex.of(pfn + i) + " in one run only");
            }
        }
        assertEquals(truth, ours);
        // p2m-vs-m2p-check: pfns 0x9f-0xff (97) are the 1:1 region of dom0's e820 hole
        assertEquals(97L, kinds.get("identity"), kinds.toString());
    }

    @Test
    void pfnLookupsGiveTheTruthsMfn() {
        for (long pfn : List.of(0x0L, 0x8000L, 0x9000L, 0xf800L, 0x13f54L, 0x14060L)) {
            CliRun r = CliRun.of("p2m", dump, "--pfn", Hex.of(pfn), "--json");
            assertEquals(0, r.status(), r::toString);
            assertEquals(Hex.of(pfn), r.json().get("pfn").asText());
            assertEquals(Hex.of(truth.get(pfn)), r.json().get("mfn").asText(), Hex.of(pfn));
            assertEquals(Hex.of(truth.get(pfn) << 12), r.json().get("machine").asText());
        }
        CliRun text = CliRun.of("p2m", dump, "--pfn", "9000");
        assertTrue(text.out().startsWith("pfn 0x9000 -> mfn 0x8334  ram  ("), text.out());
    }

    @Test
    void mfnLookupsGiveThePfnBack() {
        for (long pfn : List.of(0x0L, 0x8000L, 0x9000L, 0x13f54L)) {
            CliRun r = CliRun.of("p2m", dump, "--mfn", Hex.of(truth.get(pfn)), "--json");
            assertEquals(0, r.status(), r::toString);
            assertEquals(Hex.of(pfn), r.json().get("pfn").asText());
        }
    }

    @Test
    void framesOutsideTheMapAreStatusOne() {
        CliRun pfn = CliRun.of("p2m", dump, "--pfn", "0x14061", "--json");
        assertEquals(1, pfn.status(), pfn::toString);
        assertTrue(pfn.json().get("mfn").isNull());
        assertEquals(1, pfn.errorLines().size());
        assertTrue(pfn.stderr().startsWith("vmscope: pfn 0x14061 has no machine frame: unreachable, "), pfn.stderr());
        // machine frame 0x1df6b starts the kdump area (README: "Kdump: 192MB at 0x1df6b000"), no frame of dom0
        assertTrue(!truth.containsValue(0x1df6bL));
        CliRun mfn = CliRun.of("p2m", dump, "--mfn", "0x1df6b");
        assertEquals(1, mfn.status(), mfn::toString);
        assertEquals(List.of("mfn 0x1df6b -> no pfn of this domain"), mfn.lines());
        assertEquals(List.of("vmscope: mfn 0x1df6b backs no pfn of the domain's p2m (" + dump + ")"), mfn.errorLines());
    }

    @Test
    void bothLookupsAtOnceAreAUsageError() {
        CliRun r = CliRun.of("p2m", dump, "--pfn", "1", "--mfn", "2");
        assertEquals(2, r.status());
        assertEquals(1, r.errorLines().size(), r.stderr());
    }

    @Test
    void aDumpWithoutXenIsStatusTwo() {
        String plain = Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf").toString();
        CliRun r = CliRun.of("p2m", plain, "--json");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(List.of("vmscope: no p2m: not a Xen dump: it has no Xen crash notes and is no xl dump-core file ("
                + plain + ")"), r.errorLines());
    }
}
