package dev.vmscope.core.format.convert;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.Makedumpfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real dumps converted: the result holds the bytes that the corpus's other dump of the same machine holds. */
class ConvertCorpusTest {
    private static final String SET = "x86_64-6.1-qemu-live";

    @TempDir
    Path dir;

    @Test
    void theQemuKdumpAsElfHasTheQemuElfsBytes() {
        Path kdump = Corpus.dump(SET, "vmcore-qemu.kdump-zlib");
        Path out = dir.resolve("from-kdump.elf");
        try (Dump source = DumpFormats.open(kdump)) {
            ConvertResult r = DumpConverter.convert(source, List.of(kdump), out, ConvertOptions.elf(), Progress.NONE);
            assertTrue(r.memoryBytes() > 150L << 20, "bytes written: " + r.memoryBytes());
        }
        try (Dump converted = DumpFormats.open(out); Dump elf = DumpFormats.open(Corpus.dump(SET, "vmcore-qemu.elf"))) {
            assertEquals("elf-qemu", converted.format(), "the QEMU notes came along");
            assertEquals(elf.vmcoreinfo().orElseThrow().entries(), converted.vmcoreinfo().orElseThrow().entries());
            assertEquals(elf.cpus(), converted.cpus());
            long pages = samePages(converted, elf);
            assertTrue(pages > 40_000, "pages compared: " + pages);
        }
    }

    @Test
    void theXenHostKdumpAsElfStaysInMachineSpaceWithItsNotes() {
        Path in = Corpus.dump("xen", "x1-xen-kdump.vmcore");
        Path kdump = Makedumpfile.convert(in, "x1.makedumpfile-c-d1.kdump", "-c", "-d", "1");
        Path out = dir.resolve("xen.elf");
        try (Dump source = DumpFormats.open(kdump)) {
            DumpConverter.convert(source, List.of(kdump), out, ConvertOptions.elf(), Progress.NONE);
        }
        try (Dump converted = DumpFormats.open(out); Dump elf = DumpFormats.open(in)) {
            assertEquals(Space.MACHINE, converted.memory().space());
            assertEquals(elf.cpus().stream().filter(c -> c.source().equals(CpuState.XEN_CRASH_REGS)).toList(),
                    converted.cpus().stream().filter(c -> c.source().equals(CpuState.XEN_CRASH_REGS)).toList());
            assertTrue(samePages(converted, elf) > 100_000);
        }
    }

    @Test
    void aFlattenedKdumpWrittenBackIsTheFileMakedumpfileRearranges() throws Exception {
        Path flat = Makedumpfile.convert(Corpus.dump("xen", "x1-xen-kdump.vmcore"), "x1.makedumpfile-F-l-d1.flat", "-F", "-l", "-d", "1");
        Path expected = Makedumpfile.rearrange(flat, "x1.makedumpfile-F-l-d1.rearranged.kdump");
        Path out = dir.resolve("rearranged.kdump");
        try (Dump source = DumpFormats.open(flat)) {
            assertEquals("kdump-flattened", source.format());
            ConvertResult r = DumpConverter.convert(source, List.of(flat), out, ConvertOptions.kdump(), Progress.NONE);
            assertEquals(Files.size(expected), r.fileSize());
            assertTrue(r.segments() > 1, "pieces: " + r.segments());
        }
        assertEquals(-1, Files.mismatch(out, expected), "vmscope's rearranged file differs from makedumpfile -R's");
        try (Dump rearranged = DumpFormats.open(out); Dump flattened = DumpFormats.open(flat)) {
            assertEquals("kdump-compressed", rearranged.format());
            assertEquals(flattened.memory().ranges(), rearranged.memory().ranges());
        }
    }

    @Test
    void onlyAFlattenedKdumpCanBeWrittenBackAsOne() {
        Path kdump = Corpus.dump(SET, "vmcore-qemu.kdump-zlib");
        Path out = dir.resolve("again.kdump");
        try (Dump source = DumpFormats.open(kdump)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DumpConverter.convert(source, List.of(kdump), out, ConvertOptions.kdump(), Progress.NONE));
            assertTrue(e.getMessage().contains("only a flattened compressed kdump"), e.getMessage());
            assertTrue(e.getMessage().contains("kdump-compressed"), e.getMessage());
        }
        assertFalse(Files.exists(out), "nothing is left behind");
    }

    /** Compares every 4 KiB page that both dumps hold in full; returns how many. */
    private static long samePages(Dump a, Dump b) {
        byte[] x = new byte[4096];
        byte[] y = new byte[4096];
        long n = 0;
        for (MemoryRange r : a.memory().ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            for (long pa = r.start(); pa + 4096 <= r.end(); pa += 4096) {
                if (!b.memory().isReadable(pa, 4096)) {
                    continue;
                }
                a.memory().read(pa, x, 0, 4096);
                b.memory().read(pa, y, 0, 4096);
                if (!Arrays.equals(x, y)) {
                    throw new AssertionError("page " + Hex.of(pa) + " differs");
                }
                n++;
            }
        }
        return n;
    }
}
