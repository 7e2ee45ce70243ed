package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.SpecChecks;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.SpecFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A makedumpfile --split set opened together: any order, and a clear word when a part is missing or foreign. */
class SplitKdumpTest {
    private static final KdumpSpec SPLIT = KdumpSpecParser.resource("/dev/vmscope/core/format/kdump/split-three.spec");

    @TempDir
    Path dir;

    @Test
    void partsGivenInAnyOrderAreOneDump() {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        try (Dump dump = DumpFormats.open(List.of(parts.get(2), parts.get(0), parts.get(1)), false, Progress.NONE)) {
            SpecChecks.pages(SPLIT, dump.memory(), false);
            assertEquals(parts.get(0).toString(), dump.source());
        }
    }

    @Test
    void emptyPartsAnywhereInTheSetHoldNothing(@TempDir Path other) {
        // makedumpfile writes parts with an empty pfn range when it has more files than pages to share
        KdumpSpec withEmpty = SPLIT.withOutput(new KdumpSpec.Output("split", List.of(0x20L, 0x20L, 0x48L, 0x80L), 4096, "forward", 0));
        List<Path> parts = SpecFiles.write(withEmpty, other);
        assertEquals(5, parts.size());
        try (Dump dump = DumpFormats.open(List.of(parts.get(4), parts.get(2), parts.get(1), parts.get(3), parts.get(0)),
                false, Progress.NONE)) {
            SpecChecks.pages(SPLIT, dump.memory(), false);
            assertTrue(dump.memory().isReadable(0x20000, 0x10000));
        }
    }

    @Test
    void aFlattenedPartJoinsTheOthers() throws java.io.IOException {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        Path flat = dir.resolve("part2.flat");
        java.nio.file.Files.write(flat, dev.vmscope.core.testing.kdump.FlattenedWriter.flatten(
                java.nio.file.Files.readAllBytes(parts.get(1)), 0x1000, "reverse", 2));
        try (Dump dump = DumpFormats.open(List.of(parts.get(0), flat, parts.get(2)), false, Progress.NONE)) {
            SpecChecks.pages(SPLIT, dump.memory(), false);
        }
    }

    @Test
    void aMissingMiddlePartIsNamedByItsPfnsAndAddresses() {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(List.of(parts.get(0), parts.get(2)), false, Progress.NONE));
        assertEquals("split set: pfns 0x20-0x48", e.structure());
        assertTrue(e.expected().contains("physical 0x20000-0x48000"), e.getMessage());
        assertTrue(e.expected().contains("a part of the set is missing"), e.getMessage());
        assertEquals(parts.get(2).toString(), e.file());
    }

    @Test
    void aMissingLastPartIsNamedToo() {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(List.of(parts.get(0), parts.get(1)), false, Progress.NONE));
        assertEquals("split set: pfns 0x48-0x80", e.structure());
    }

    @Test
    void thePartGivenTwiceOverlaps() {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(List.of(parts.get(0), parts.get(1), parts.get(1), parts.get(2)), false, Progress.NONE));
        assertEquals("split set: kdump sub-header: start_pfn_64", e.structure());
        assertEquals(4096, e.offset());
    }

    @Test
    void aWholeDumpAmongPartsIsRefused(@TempDir Path other) {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        Path whole = SpecFiles.write(SPLIT.withOutput(KdumpSpec.Output.kdump()), other).getFirst();
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(List.of(parts.get(0), whole), false, Progress.NONE));
        assertEquals("split set: kdump sub-header: split", e.structure());
        assertEquals(whole.toString(), e.file());
    }

    @Test
    void partsOfAnotherDumpAreRefused(@TempDir Path other) {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        KdumpSpec.Header h = SPLIT.header();
        KdumpSpec foreign = SPLIT.withHeader(new KdumpSpec.Header(h.signature(), h.version(), h.wideHeader(), h.subLayout(),
                h.blockSize(), h.machine(), "6.1.0-other", h.compression(), h.incomplete(), h.extraStatus(), h.physBase(),
                h.dumpLevel(), h.pfnOffset(), h.maxMapnr(), h.bitmaps(), h.zeroPage(), h.vmcoreinfoAt(), h.nrCpus()));
        List<Path> theirs = SpecFiles.write(foreign, other);
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(List.of(parts.get(0), theirs.get(1), parts.get(2)), false, Progress.NONE));
        assertEquals("split set: header field utsname.release", e.structure());
        assertEquals(theirs.get(1).toString(), e.file());
    }

    @Test
    void onePartAloneHoldsItsOwnPfnsOnly() {
        List<Path> parts = SpecFiles.write(SPLIT, dir);
        try (Dump dump = DumpFormats.open(parts.get(1))) {
            assertEquals(0x20000L, dump.memory().ranges().getFirst().start());
            assertEquals(0x48000L, dump.memory().ranges().getLast().end());
            assertEquals(SPLIT.pageBytes(0x21).length, dump.memory().read(0x21000, 4096).length);
            assertThrows(MemoryAccessException.class, () -> dump.memory().read(0x1000, 8));
            assertTrue(dump.header().stream().anyMatch(f -> f.name().equals("split part")
                    && f.value().startsWith("holds pfns 0x20-0x48 of 0-0x80")));
        }
    }
}
