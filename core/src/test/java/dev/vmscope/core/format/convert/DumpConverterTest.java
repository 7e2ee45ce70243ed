package dev.vmscope.core.format.convert;

import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.PageKind;
import dev.vmscope.core.testing.kdump.PageRun;
import dev.vmscope.core.testing.kdump.SpecFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The converter's promises: never the source, nothing half-written, and ELF's extended program header count. */
class DumpConverterTest {
    private static final KdumpSpec ZLIB = KdumpSpecParser.resource("/dev/vmscope/core/format/kdump/zlib-64bit.spec");

    @TempDir
    Path dir;

    @Test
    void refusesToWriteOverTheSource() throws IOException {
        Path src = SpecFiles.write(ZLIB, dir).getFirst();
        byte[] before = Files.readAllBytes(src);
        try (Dump d = DumpFormats.open(src)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DumpConverter.convert(d, List.of(), src, ConvertOptions.elf(), Progress.NONE));
            assertTrue(e.getMessage().contains("it is the source dump"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(src));
        assertEquals(List.of(src.getFileName().toString()), names());
    }

    @Test
    void refusesTheSourceThroughASymbolicLink() throws IOException {
        Path src = SpecFiles.write(ZLIB, dir).getFirst();
        Path link = Files.createSymbolicLink(dir.resolve("link.elf"), src);
        try (Dump d = DumpFormats.open(src)) {
            assertThrows(IllegalArgumentException.class, () -> DumpConverter.convert(d, List.of(src), link, ConvertOptions.elf(), Progress.NONE));
        }
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void refusesTheSourceThroughAHardLink() throws IOException {
        Path src = SpecFiles.write(ZLIB, dir).getFirst();
        Path hard = Files.createLink(dir.resolve("hard.elf"), src);
        try (Dump d = DumpFormats.open(src)) {
            assertThrows(IllegalArgumentException.class, () -> DumpConverter.convert(d, List.of(src), hard, ConvertOptions.raw(), Progress.NONE));
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(hard));
    }

    @Test
    void replacesAnotherExistingOutputWhole() throws IOException {
        Path src = SpecFiles.write(ZLIB, dir).getFirst();
        Path out = Files.writeString(dir.resolve("old.elf"), "not a dump");
        try (Dump d = DumpFormats.open(src)) {
            DumpConverter.convert(d, List.of(src), out, ConvertOptions.elf(), Progress.NONE);
        }
        try (Dump elf = DumpFormats.open(out)) {
            assertEquals("elf-kdump", elf.format());
        }
        assertEquals(2, names().size(), "no temporary file is left: " + names());
    }

    @Test
    void aCancelledConversionLeavesNothingBehind() throws IOException {
        Path src = SpecFiles.write(ZLIB, dir).getFirst();
        AtomicInteger updates = new AtomicInteger();
        Progress cancelSoon = new Progress() {
            @Override
            public void update(String what, long done, long total) {
                updates.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return updates.get() > 1;
            }
        };
        KdumpSpec big = ZLIB.withPages(List.of(new PageRun(0, 0x800, PageKind.RAM, "zlib", "test")));
        Path bigSrc = SpecFiles.write(big.withOutput(KdumpSpec.Output.kdump()), Files.createDirectory(dir.resolve("big"))).getFirst();
        try (Dump d = DumpFormats.open(bigSrc)) {
            assertThrows(Progress.CancelledException.class,
                    () -> DumpConverter.convert(d, List.of(bigSrc), dir.resolve("out.elf"), ConvertOptions.elf().withThreads(2), cancelSoon));
        }
        assertFalse(Files.exists(dir.resolve("out.elf")));
        assertEquals(List.of("big", src.getFileName().toString()), names());
    }

    @Test
    void aPipeIsWrittenInPlaceFrontToBackWithItsHolesAsZeros() throws Exception {
        Path src = SpecFiles.write(ZLIB, dir).getFirst();
        Path file = dir.resolve("image.raw");
        Path fifo = dir.resolve("image.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a named pipe");
        CompletableFuture<byte[]> readBack = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (Dump d = DumpFormats.open(src)) {
            DumpConverter.convert(d, List.of(src), file, ConvertOptions.raw(), Progress.NONE);
            DumpConverter.convert(d, List.of(src), fifo, ConvertOptions.raw(), Progress.NONE);
        }
        assertArrayEquals(Files.readAllBytes(file), readBack.get(30, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe, not replaced by a file");
        assertEquals(List.of("image.fifo", "image.raw", src.getFileName().toString()), names());
    }

    @Test
    void moreThan65534SegmentsAreCountedInSectionHeaderZero() {
        List<PageRun> runs = new ArrayList<>();
        for (long p = 0; p < 2 * 65_600L; p += 2) {
            runs.add(new PageRun(p, p + 1, PageKind.RAM, "none", "run " + p));
            runs.add(new PageRun(p + 1, p + 2, PageKind.HOLE, "none", "gap " + p));
        }
        KdumpSpec.Header h = ZLIB.header();
        KdumpSpec many = ZLIB.withPages(runs).withHeader(new KdumpSpec.Header(h.signature(), h.version(), h.wideHeader(),
                h.subLayout(), 512, h.machine(), h.release(), "none", false, 0, 0, 1, 0, -1, 2, "never", "both", 1));
        Path src = SpecFiles.write(many, dir).getFirst();
        Path out = dir.resolve("many.elf");
        try (Dump d = DumpFormats.open(src)) {
            ConvertResult r = DumpConverter.convert(d, List.of(src), out, ConvertOptions.elf(), Progress.NONE);
            assertEquals(65_600, r.segments());
        }
        try (Dump elf = DumpFormats.open(out)) {
            assertEquals("65601", ConvertSpecTest.field(elf, "e_phnum"));
            assertArrayEquals(many.pageBytes(2 * 65_599L), elf.memory().read(2 * 65_599L * 512, 512));
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
