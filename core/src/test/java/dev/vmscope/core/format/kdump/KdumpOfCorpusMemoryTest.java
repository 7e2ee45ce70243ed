package dev.vmscope.core.format.kdump;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.testing.kdump.KdumpOfDump;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compressed kdumps of the corpus's i386, ARM and arm64 machines, written from their ELF dumps the way
 * QEMU writes them for those guests (packed 32-bit headers, "Unknown" machine, 64 KiB arm64 blocks over
 * 4 KiB pages) and the way makedumpfile does on 32-bit ARM (aligned sub-header, pfns from phys_base):
 * the header layout must be told right, and every block and every kernel translation must be the ELF's.
 */
class KdumpOfCorpusMemoryTest {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "arm64-6.1-qemu-live,         qemu-arm64,       65536, 64, 64,      Unknown, 0x40000000, 0",
            "i386-pae-6.1-qemu-live,      qemu-i386,        4096,  32, packed,  i686,    0,          0",
            "armhf-6.1-lpae-qemu-live,    qemu-arm,         4096,  32, packed,  Unknown, 0x40000000, 0",
            "armhf-6.1-armmp-qemu-live,   makedumpfile-arm, 4096,  32, aligned, armv7l,  0x40000000, 0x40000"})
    void readsAsTheElfOfTheSameMachine(String set, String producer, int block, String header, String sub, String machine,
                                       String physBase, String pfnOffset) {
        Path elfPath = Corpus.dump(set, "vmcore-qemu.elf");
        OpenOptions options = vmcoreinfo(set);
        try (Session elf = Session.open(elfPath, options)) {
            byte[] kdump = new KdumpOfDump(block, header, sub, machine, Hex.parse(physBase), Hex.parse(pfnOffset)).write(elf.dump());
            Dump opened = DumpFormats.open(new ByteArrayStorage(producer + ".kdump", kdump));
            assertEquals(elf.dump().architecture(), opened.architecture());
            assertEquals(header.equals("64") ? "64-bit" : "32-bit", field(opened, "layout"));
            assertTrue(opened.header().stream().anyMatch(f -> f.section().equals("kdump_sub_header ("
                    + (sub.equals("64") ? "64-bit" : sub.equals("packed") ? "32-bit packed" : "32-bit aligned") + ")")));
            assertEquals(elf.dump().cpus(), opened.cpus());
            try (Session kdumpSession = Session.open(opened, options)) {
                assertTrue(sameBlocks(elf.dump(), opened, block) > 2000);
                assertEquals(List.of(), translationsDiffer(set, elf, kdumpSession));
            }
        }
    }

    private static OpenOptions vmcoreinfo(String set) {
        Path saved = Corpus.root().resolve(set).resolve("qemu-truth/vmcoreinfo_note.pmemsave.bin");
        return Files.isRegularFile(saved) ? OpenOptions.DEFAULT.withVmcoreinfo(saved) : OpenOptions.DEFAULT;
    }

    private static String field(Dump d, String name) {
        return d.header().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static long sameBlocks(Dump elf, Dump kdump, int block) {
        long n = 0;
        for (MemoryRange r : kdump.memory().ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            for (long a = r.start(); a < r.end(); a += block) {
                if (!Arrays.equals(elf.memory().read(a, block), kdump.memory().read(a, block))) {
                    throw new AssertionError("block at " + Hex.of(a) + " differs from the ELF");
                }
                n++;
            }
        }
        return n;
    }

    /** Every address of the set's list translates in the kdump as in the ELF (whose walks the corpus tests check). */
    private static List<String> translationsDiffer(String set, Session elf, Session kdump) {
        List<String> out = new ArrayList<>();
        int rows = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(set, "addrs.tsv"))) {
            long va = Hex.parse(row[2]);
            String a = elf.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
            String b = kdump.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
            if (!a.equals(b)) {
                out.add(row[0] + " " + row[2] + ": ELF " + a + ", kdump " + b);
            }
            rows++;
        }
        assertTrue(rows > 100, "rows " + rows);
        return out;
    }
}
