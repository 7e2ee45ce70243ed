package dev.vmscope.core.corpus;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 32-bit PAE QEMU dump against libkdumpfile's and QEMU's truth. */
class I386PaeQemuLiveTest {
    private static final String SET = "i386-pae-6.1-qemu-live";
    private static final String DUMP = "vmcore-qemu.elf";
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open(Corpus.dump(SET, DUMP), OpenOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void identifiesA32BitPaeKernel() {
        assertEquals(Architecture.I386, session.dump().architecture());
        assertEquals("x86-pae", session.kernel().orElseThrow().mode().id());
        assertEquals(2, session.dump().cpuCount());
        assertEquals("6.1.0-50-686-pae", session.kernel().orElseThrow().release().orElseThrow());
    }

    @Test
    void everyTruthAddressTranslatesAsLibkdumpfileSays() {
        assertEquals(List.of(), TruthChecks.vtopMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void batchTranslationAgreesWithTheWalk() {
        assertEquals(List.of(), TruthChecks.batchMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void ptdumpCoversEveryTruthTranslation() {
        assertEquals(List.of(), TruthChecks.ptdumpMisses(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void physicalBytesMatchTheTruth() {
        assertEquals(List.of(), TruthChecks.pbytesMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".pbytes.tsv"), Space.PHYSICAL));
    }

    @Test
    void prstatusRegistersMatchLibkdumpfile() {
        assertEquals(List.of(), TruthChecks.prstatusMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".info.json")));
    }

    @Test
    void qemuNotesGiveTheCr3QemuPrinted() throws IOException {
        Matcher m = Pattern.compile("CR3=([0-9a-f]+)").matcher(Files.readString(Corpus.file(SET, "qemu-truth/info_registers.txt")));
        for (int cpu = 0; m.find(); cpu++) {
            assertEquals(Long.parseLong(m.group(1), 16), session.cpuPageTableRoot(cpu).orElseThrow(), "cpu " + cpu);
        }
    }

    @Test
    void eachCpusRootTranslatesKernelAddressesLikeQemu() {
        // QEMU's gva2gpa walks each vCPU's own CR3 (PAE: 32-byte aligned)
        for (String[] row : dev.vmscope.core.testing.TruthFiles.rows(Corpus.file(SET, "qemu-truth/gva2gpa.tsv"))) {
            long va = dev.vmscope.core.Hex.parse(row[2]);
            for (int cpu = 0; cpu < 2; cpu++) {
                String truth = row[3 + cpu];
                var t = session.translate(va, session.cpuPageTableRoot(cpu).orElseThrow());
                String ours = t.mapping().map(x -> dev.vmscope.core.Hex.of(x.address())).orElse("unmapped");
                String expected = truth.startsWith("0x") ? dev.vmscope.core.Hex.of(dev.vmscope.core.Hex.parse(truth)) : "unmapped";
                assertEquals(expected, ours, row[0] + " " + row[2] + " cpu " + cpu);
            }
        }
    }
}
