package dev.vmscope.core.corpus;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two 32-bit ARM QEMU dumps (LPAE and short descriptors). Their VMCOREINFO was never handed to
 * QEMU, so it is given from the copy QEMU read out of guest memory; QEMU's own MMU walk on the vCPU
 * in supervisor mode is the truth.
 */
class ArmhfQemuLiveTest {

    @ParameterizedTest
    @CsvSource({"armhf-6.1-lpae-qemu-live, arm-lpae, 3", "armhf-6.1-armmp-qemu-live, arm-short, 4"})
    void kernelAddressesTranslateAsQemuWalksThem(String set, String mode, int svcColumn) {
        OpenOptions options = OpenOptions.DEFAULT.withVmcoreinfo(Corpus.file(set, "qemu-truth/vmcoreinfo_note.pmemsave.bin"));
        try (Session session = Session.open(Corpus.dump(set, "vmcore-qemu.elf"), options)) {
            assertEquals(Architecture.ARM, session.dump().architecture());
            assertEquals(mode, session.kernel().orElseThrow().mode().id());
            List<String> mismatches = new ArrayList<>();
            int mapped = 0;
            for (String[] row : TruthFiles.rows(Corpus.file(set, "qemu-truth/gva2gpa.tsv"))) {
                String truth = row[svcColumn];
                if (!truth.startsWith("0x")) {
                    continue;
                }
                long va = Hex.parse(row[2]);
                String ours = session.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
                if (!ours.equals(Hex.of(Hex.parse(truth)))) {
                    mismatches.add(row[0] + " " + row[2] + ": QEMU " + truth + ", vmscope " + ours);
                }
                mapped++;
            }
            assertTrue(mapped > 80, "mapped rows " + mapped);
            assertEquals(List.of(), mismatches);
        }
    }
}
