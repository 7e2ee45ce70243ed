package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ptov} and {@code vtop}'s aliases on the x86-64 QEMU ELF dump: _stext (virtual 0xffffffff8f000000,
 * physical 0x7200000 in libkdumpfile's vtop truth) is also reached through the direct map at
 * page_offset_base + 0x7200000, page_offset_base as the guest recorded it (addrs.tsv).
 */
class PtovCliTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private static final long STEXT_PHYSICAL = 0x7200000;
    private static final long STEXT = 0xffffffff8f000000L;

    private static String dump;
    private static long pageOffsetBase;

    @BeforeAll
    static void restore() throws IOException {
        dump = Corpus.dump(SET, "vmcore-qemu.elf").toString();
        String header = Files.readAllLines(Corpus.file(SET, "addrs.tsv")).getFirst();
        Matcher m = Pattern.compile("page_offset_base=(0x[0-9a-f]+)").matcher(header);
        assertTrue(m.find(), header);
        pageOffsetBase = Hex.parse(m.group(1));
        List<String> stext = Files.readAllLines(Corpus.file(SET, "libkdumpfile/vmcore-qemu.elf.vtop.tsv")).stream()
                .filter(l -> l.startsWith("_stext\tsym_text\t")).toList();
        assertEquals(List.of("_stext\tsym_text\t" + Hex.of(STEXT) + "\t" + Hex.of(STEXT_PHYSICAL)), stext);
    }

    @Test
    void physicalAddressOfStextHasTheDirectMapFirstThenKernelText() {
        CliRun r = CliRun.of("ptov", dump, Hex.of(STEXT_PHYSICAL + 0x10), "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode a = r.json().get(0);
        assertEquals(Hex.of(STEXT_PHYSICAL + 0x10), a.get("physical").asText());
        List<String> virtual = new ArrayList<>();
        a.get("virtual").forEach(v -> virtual.add(v.asText()));
        assertEquals(Hex.of(pageOffsetBase + STEXT_PHYSICAL + 0x10), virtual.getFirst(), virtual.toString());
        assertTrue(virtual.contains(Hex.of(STEXT + 0x10)), virtual.toString());
        assertEquals(virtual.size(), virtual.stream().distinct().count());
    }

    @Test
    void textListsOneVirtualAddressPerLine() {
        CliRun r = CliRun.of("ptov", dump, Hex.of(STEXT_PHYSICAL));
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.lines();
        assertTrue(lines.getFirst().matches("physical\\s+virtual"), lines.getFirst());
        assertEquals(Hex.of(STEXT_PHYSICAL) + "  " + Hex.of(pageOffsetBase + STEXT_PHYSICAL), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.strip().equals(Hex.of(STEXT))), lines.toString());
    }

    @Test
    void anAddressNoPageMapsIsStatusOneAfterTheOthers() {
        CliRun r = CliRun.of("ptov", dump, Hex.of(STEXT_PHYSICAL), "0xfffffffff000", "--json");
        assertEquals(1, r.status(), r::toString);
        assertEquals(2, r.json().size());
        assertEquals(0, r.json().get(1).get("virtual").size());
        assertEquals(List.of("vmscope: 1 of 2 addresses are not mapped; the first: no kernel virtual address maps 0xfffffffff000 ("
                + dump + ")"), r.errorLines());
    }

    @Test
    void vtopTextNotesTheOtherVirtualAddresses() {
        CliRun r = CliRun.of("vtop", dump, Hex.of(STEXT));
        assertEquals(0, r.status(), r::toString);
        String also = r.lines().stream().filter(l -> l.startsWith("  also mapped at ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(also.startsWith("  also mapped at " + Hex.of(pageOffsetBase + STEXT_PHYSICAL)), also);
        assertTrue(!also.contains(Hex.of(STEXT) + ",") && !also.endsWith(Hex.of(STEXT)), "not the address itself: " + also);
        CliRun json = CliRun.of("vtop", dump, Hex.of(STEXT), "--json");
        assertTrue(!json.out().contains("also"), "JSON stays as the contract says");
    }
}
