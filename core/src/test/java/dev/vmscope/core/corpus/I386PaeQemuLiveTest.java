package dev.vmscope.core.corpus;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 32-bit PAE QEMU dump against libkdumpfile's and QEMU's truth. */
class I386PaeQemuLiveTest extends LibkdumpfileTruthTest {
    private static final String SET = "i386-pae-6.1-qemu-live";

    @Override
    String set() {
        return SET;
    }

    @Override
    String dump() {
        return "vmcore-qemu.elf";
    }

    @Test
    void identifiesA32BitPaeKernel() {
        assertEquals(Architecture.I386, session.dump().architecture());
        assertEquals("x86-pae", session.kernel().orElseThrow().mode().id());
        assertEquals(2, session.dump().cpuCount());
        assertEquals("6.1.0-50-686-pae", session.kernel().orElseThrow().release().orElseThrow());
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
        for (String[] row : TruthFiles.rows(Corpus.file(SET, "qemu-truth/gva2gpa.tsv"))) {
            long va = Hex.parse(row[2]);
            for (int cpu = 0; cpu < 2; cpu++) {
                String truth = row[3 + cpu];
                var t = session.translate(va, session.cpuPageTableRoot(cpu).orElseThrow());
                String ours = t.mapping().map(x -> Hex.of(x.address())).orElse("unmapped");
                String expected = truth.startsWith("0x") ? Hex.of(Hex.parse(truth)) : "unmapped";
                assertEquals(expected, ours, row[0] + " " + row[2] + " cpu " + cpu);
            }
        }
    }
}
