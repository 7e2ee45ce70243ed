package dev.vmscope.core.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The x86-64 QEMU ELF dump against libkdumpfile's and QEMU's truth. */
class X86_64QemuLiveTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private static final String DUMP = "vmcore-qemu.elf";
    private static final String KDUMP = "vmcore-qemu.kdump-zlib";
    private static final Map<String, Session> SESSIONS = new java.util.HashMap<>();
    private static Session session;

    @BeforeAll
    static void open() {
        session = session(DUMP);
    }

    static synchronized Session session(String name) {
        return SESSIONS.computeIfAbsent(name, n -> Session.open(Corpus.dump(SET, n), OpenOptions.DEFAULT));
    }

    static java.util.stream.Stream<String> dumps() {
        return java.util.stream.Stream.of(DUMP, KDUMP);
    }

    @AfterAll
    static void close() {
        SESSIONS.values().forEach(Session::close);
        SESSIONS.clear();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dumps")
    void everyTruthAddressTranslatesAsLibkdumpfileSays(String dumpName) {
        Session session = session(dumpName);
        String DUMP = dumpName;
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv"))) {
            long va = Hex.parse(row[2]);
            String truth = row[3];
            Translation t = session.translate(va);
            String ours = t.mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
            String expected = truth.startsWith("unmapped") ? "unmapped" : Hex.of(Hex.parse(truth));
            if (!ours.equals(expected)) {
                mismatches.add(row[0] + " " + row[2] + ": truth " + truth + ", vmscope " + ours
                        + t.fault().map(f -> " (" + f.reason() + ")").orElse(""));
            }
            rows++;
        }
        assertTrue(rows > 200, "truth rows read: " + rows);
        assertEquals(List.of(), mismatches);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dumps")
    void physicalBytesMatchTheTruth(String dumpName) {
        Session session = session(dumpName);
        String DUMP = dumpName;
        int rows = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".pbytes.tsv"))) {
            long pa = Hex.parse(row[0]);
            if (row[1].startsWith("error") || row[1].contains(":")) {
                continue;
            }
            assertEquals(row[1], Hex.bytes(session.read(Space.PHYSICAL, pa, 64)), "bytes at " + row[0]);
            rows++;
        }
        assertTrue(rows > 30);
    }

    @Test
    void prstatusRegistersMatchLibkdumpfile() throws IOException {
        JsonNode cpus = new ObjectMapper().readTree(Corpus.file(SET, "libkdumpfile/" + DUMP + ".info.json").toFile()).get("cpus");
        assertEquals(2, session.dump().cpuCount());
        for (Iterator<Map.Entry<String, JsonNode>> it = cpus.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cpu = it.next();
            int n = Integer.parseInt(cpu.getKey());
            CpuState state = session.dump().cpus().stream()
                    .filter(c -> c.cpu() == n && c.source().equals(CpuState.PRSTATUS)).findFirst().orElseThrow();
            for (Iterator<Map.Entry<String, JsonNode>> regs = cpu.getValue().get("reg").fields(); regs.hasNext(); ) {
                Map.Entry<String, JsonNode> r = regs.next();
                long value = state.register(r.getKey()).map(Register::value).orElseThrow(() -> new AssertionError("no " + r.getKey()));
                assertEquals(r.getValue().asText(), Hex.of(value), "cpu " + n + " " + r.getKey());
            }
        }
    }

    @Test
    void batchTranslationAgreesWithTheWalk() {
        assertEquals(List.of(), dev.vmscope.core.testing.TruthChecks.batchMismatches(session,
                Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void ptdumpCoversEveryTruthTranslationAndAliasesFindTheDirectMap() {
        assertEquals(List.of(), dev.vmscope.core.testing.TruthChecks.ptdumpMisses(session,
                Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
        // _stext is at physical 0x7200000 (truth), and page_offset_base is 0xffff8c9b00000000 (README)
        List<Long> aliases = session.virtualAliases(0x7200000L, dev.vmscope.core.Progress.NONE);
        assertEquals(0xffff8c9b00000000L + 0x7200000L, aliases.getFirst());
        assertTrue(aliases.contains(0xffffffff8f000000L), "kernel text alias of _stext");
    }

    @Test
    void qemuNotesGiveEachCpusCr3() {
        assertEquals(0x2bbe000L, session.cpuPageTableRoot(0).orElseThrow());
        assertEquals(0x2b92000L, session.cpuPageTableRoot(1).orElseThrow());
    }

    @Test
    void kernelFactsComeFromVmcoreinfo() {
        var k = session.kernel().orElseThrow();
        assertEquals("x86_64-4level", k.mode().id());
        assertEquals(-0x7e00000L, k.physBase());
        assertEquals(0xe000000L, k.kaslrOffset());
        assertEquals(0x10a10000L - 0x7e00000L, k.pageTableRoot());
        assertEquals("6.1.0-56-amd64", k.release().orElseThrow());
        assertEquals("elf-qemu", session.dump().format());
    }

    @Test
    void compressedKdumpIsTheSameMachineAsTheElf() {
        Session kdump = session(KDUMP);
        assertEquals("kdump-compressed", kdump.dump().format());
        assertEquals("zlib", kdump.dump().compression());
        assertEquals(dev.vmscope.core.Architecture.X86_64, kdump.dump().architecture());
        assertEquals(2, kdump.dump().cpuCount());
        assertEquals(session.kernel().orElseThrow().pageTableRoot(), kdump.kernel().orElseThrow().pageTableRoot());
    }

    @Test
    void everyPagePresentInBothFormatsHasTheSameBytes() {
        Session kdump = session(KDUMP);
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        long compared = 0;
        for (var r : kdump.memory().ranges()) {
            if (r.kind() != dev.vmscope.core.io.RangeKind.RAM) {
                continue;
            }
            for (long pa = r.start(); pa < r.end(); pa += 4096) {
                if (!session.memory().isReadable(pa, 4096)) {
                    continue;
                }
                kdump.memory().read(pa, a, 0, 4096);
                session.memory().read(pa, b, 0, 4096);
                if (!java.util.Arrays.equals(a, b)) {
                    throw new AssertionError("page " + Hex.of(pa) + " differs between the kdump and the ELF");
                }
                compared++;
            }
        }
        assertTrue(compared > 40000, "pages compared: " + compared);
    }
}
