package dev.vmscope.core.format.minidump;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.minidump.MinidumpBuilder;
import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * amd64 minidumps (sys/amd64/include/minidump.h; lib/libkvm/kvm_minidump_amd64.c): version 1 keeps one
 * PTE per 4 KiB page from kernbase; versions 2 and 3 keep one PDE per 2 MiB (a large page, or the page table
 * in physical memory); version 3 adds dump_avail, whose ranges number the bitmap's bits. The direct map is
 * linear from dmapbase. Entries decode as IA-32e paging entries (Intel SDM vol. 3, 4.5).
 */
class MinidumpAmd64Test {
    private static final long DMAP = 0xfffff800_00000000L;
    private static final long DMAP_END = 0xfffffc00_00000000L;

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static Session open(MinidumpBuilder b) {
        return Session.open(b.storage(), OpenOptions.DEFAULT);
    }

    @Test
    void version1TranslatesThroughItsPteArrayInOneStep() {
        long kernbase = 0xffffffff_80000000L;
        MinidumpBuilder b = MinidumpBuilder.amd64(1).kernbase(kernbase).directMap(DMAP, DMAP_END, 0)
                .messages("Copyright (c) 1992-2024 The FreeBSD Project.\npanic: page fault\n")
                .entries(0x0000000000200063L,   // [0]: page 0x200000, P RW A D
                        0,                      // [1]: not present
                        0x8000000000005001L,    // [2]: page 0x5000, P XD, read-only; the page is not dumped
                        0x0000000000201163L)    // [3]: page 0x201000, P RW A D G
                .page(0x1000, "dmap page").page(0x200000, "kernel page 0").page(0x201000, "kernel page 3");
        try (Session s = open(b)) {
            assertEquals("freebsd-minidump", s.dump().format());
            assertEquals(Architecture.X86_64, s.dump().architecture());
            assertEquals("x86_64-4level", s.kernel().orElseThrow().mode().id());
            Translation t = s.translate(kernbase + 0x10);
            // header page, one page of message buffer, one page of bitmap: the array is at 0x3000
            assertEquals(List.of("PTE array 0x3000[0] = 0x200063"), steps(t));
            assertEquals(Space.DUMP_FILE, t.steps().getFirst().tableSpace());
            assertEquals("0x200010 0x1000 rw kernel x", result(t));
            assertEquals("kernel page 3", text(s.read(Space.KERNEL_VIRTUAL, kernbase + 0x3000, 13)));
            assertEquals("NOT_PRESENT at PTE array: PTE array entry not present (PTE array[1] = 0x0)",
                    result(s.translate(kernbase + 0x1000)));
            assertEquals("0x5000 0x1000 ro kernel nx", result(s.translate(kernbase + 0x2000)));
            assertThrows(MemoryAccessException.class, () -> s.read(Space.KERNEL_VIRTUAL, kernbase + 0x2000, 1));
            assertEquals(FaultKind.INVALID_ADDRESS, s.translate(kernbase + 0x4000).fault().orElseThrow().kind());
        }
    }

    @Test
    void directMapIsLinearFromDmapbase() {
        MinidumpBuilder b = MinidumpBuilder.amd64(1).kernbase(0xffffffff_80000000L).directMap(DMAP, DMAP_END, 0)
                .entries(0).page(0x1000, "dmap page");
        try (Session s = open(b)) {
            Translation t = s.translate(DMAP + 0x1004);
            assertEquals(List.of(), t.steps());
            assertEquals("0x1004 0x1000 rw kernel nx", result(t));
            assertEquals("page", text(s.read(Space.KERNEL_VIRTUAL, DMAP + 0x1005, 4)));
            assertEquals(FaultKind.INVALID_ADDRESS, s.translate(DMAP_END).fault().orElseThrow().kind());
        }
    }

    @Test
    void withoutDumpAvailBitsArePageNumbersAndUndumpedPagesAreHoles() {
        MinidumpBuilder b = MinidumpBuilder.amd64(1).kernbase(0xffffffff_80000000L).entries(0)
                .page(0x1000, "a").page(0x200000, "b").page(0x201000, "c");
        try (Session s = open(b)) {
            List<MemoryRange> ranges = s.memory().ranges();
            assertEquals(new MemoryRange(0, 0x1000, RangeKind.HOLE), ranges.get(0));
            assertEquals(new MemoryRange(0x1000, 0x2000, RangeKind.RAM), ranges.get(1));
            assertEquals(new MemoryRange(0x2000, 0x200000, RangeKind.HOLE), ranges.get(2));
            assertEquals(new MemoryRange(0x200000, 0x202000, RangeKind.RAM), ranges.get(3));
            assertEquals("c", text(s.read(Space.PHYSICAL, 0x201000, 1)));
            MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> s.read(Space.PHYSICAL, 0x3000, 1));
            assertEquals(MemoryAccessException.Reason.NOT_IN_DUMP, e.reason());
        }
    }

    private static MinidumpBuilder version2(int version) {
        long kernbase = 0xfffffe00_00000000L;
        MinidumpBuilder b = MinidumpBuilder.amd64(version).kernbase(kernbase).directMap(DMAP, DMAP_END, 0)
                .messages("panic: version " + version + "\n")
                .entries(0x0000000000400083L,   // PDE[0]: 2 MiB page at 0x400000, P RW PS
                        0x0000000000009003L,    // PDE[1]: page table at 0x9000, P RW
                        0)                      // PDE[2]: not present
                .pageOfWords(0x9000, 8, 0, 0, 0, 0, 0, 0x7003)  // PT[5]: page 0x7000, P RW
                .page(0x7000, "pt page five").page(0x401000, "large page + 1");
        if (version >= 3) {
            b.avail(0x1000, 0xa0000).avail(0x100000, 0x800000);
        }
        return b;
    }

    @Test
    void version2KeepsPdesWhoseTablesAreInPhysicalMemory() {
        long kernbase = 0xfffffe00_00000000L;
        try (Session s = open(version2(2))) {
            Translation large = s.translate(kernbase + 0x1234);
            assertEquals(List.of("PDE array 0x3000[0] = 0x400083"), steps(large));
            assertEquals("0x401234 0x200000 rw kernel x", result(large));
            assertEquals("large page + 1", text(s.read(Space.KERNEL_VIRTUAL, kernbase + 0x1000, 14)));
            // PDE index 1, then PT index = VA bits 20:12 = 5
            Translation small = s.translate(kernbase + 0x200000 + 0x5010);
            assertEquals(List.of("PDE array 0x3000[1] = 0x9003", "PT 0x9000[5] = 0x7003"), steps(small));
            assertEquals(Space.PHYSICAL, small.steps().get(1).tableSpace());
            assertEquals("0x7010 0x1000 rw kernel x", result(small));
            assertEquals("pt page five", text(s.read(Space.KERNEL_VIRTUAL, kernbase + 0x205000, 12)));
            assertEquals("NOT_PRESENT at PT: PT entry not present (PT[4] = 0x0)", result(s.translate(kernbase + 0x204000)));
            assertEquals("NOT_PRESENT at PDE array: PDE array entry not present (PDE array[2] = 0x0)",
                    result(s.translate(kernbase + 0x400000)));
        }
    }

    @Test
    void ptdumpOfTheMinidumpListsTheDirectMapAndEveryArrayMapping() {
        long kernbase = 0xfffffe00_00000000L;
        try (Session s = open(version2(2))) {
            List<MappingRange> ranges = s.kernelMappings(Progress.NONE).ranges();
            assertEquals(List.of(
                    new MappingRange(DMAP, DMAP_END, 0, 0x1000, 3, List.of("rw", "nx")),
                    new MappingRange(kernbase, kernbase + 0x200000, 0x400000, 0x200000, 2, List.of("rw", "x")),
                    new MappingRange(kernbase + 0x205000, kernbase + 0x206000, 0x7000, 0x1000, 3, List.of("rw", "x"))),
                    ranges);
            assertEquals(List.of(DMAP + 0x7000, kernbase + 0x205000), s.virtualAliases(0x7000, Progress.NONE));
        }
    }

    @Test
    void batchTranslationAgreesWithTheSteps() {
        long kernbase = 0xfffffe00_00000000L;
        try (Session s = open(version2(2))) {
            BatchTranslator batch = s.batchTranslator();
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(0x401234L, batch.translate(kernbase + 0x1234));
                assertEquals(0x7010L, batch.translate(kernbase + 0x205010));
                assertEquals(0x3456L, batch.translate(DMAP + 0x3456));
                assertEquals(BatchTranslator.UNMAPPED, batch.translate(kernbase + 0x400000));
            }
        }
    }

    @Test
    void version3NumbersBitsThroughDumpAvail() {
        MinidumpBuilder b = version2(3).page(0x2000, "low page");
        // dump_avail [0x1000, 0xa0000) is pages 1..0x9f, bits 0..158; [0x100000, 0x800000) starts at bit 159
        assertEquals(1, b.bitOf(0x2000));
        assertEquals(159 + 0x300, b.bitOf(0x400000));
        try (Session s = open(b)) {
            assertEquals("low page", text(s.read(Space.PHYSICAL, 0x2000, 8)));
            assertEquals("large page + 1", text(s.read(Space.PHYSICAL, 0x401000, 14)));
            assertEquals("pt page five", text(s.read(Space.KERNEL_VIRTUAL, 0xfffffe00_00205000L, 12)));
            List<MemoryRange> ranges = s.memory().ranges();
            assertEquals(List.of(
                    new MemoryRange(0x0, 0x1000, RangeKind.HOLE),
                    new MemoryRange(0x1000, 0x2000, RangeKind.EXCLUDED),
                    new MemoryRange(0x2000, 0x3000, RangeKind.RAM),
                    new MemoryRange(0x3000, 0x7000, RangeKind.EXCLUDED),
                    new MemoryRange(0x7000, 0x8000, RangeKind.RAM),
                    new MemoryRange(0x8000, 0x9000, RangeKind.EXCLUDED),
                    new MemoryRange(0x9000, 0xa000, RangeKind.RAM),
                    new MemoryRange(0xa000, 0xa0000, RangeKind.EXCLUDED),
                    new MemoryRange(0xa0000, 0x100000, RangeKind.HOLE),
                    new MemoryRange(0x100000, 0x401000, RangeKind.EXCLUDED),
                    new MemoryRange(0x401000, 0x402000, RangeKind.RAM),
                    new MemoryRange(0x402000, 0x800000, RangeKind.EXCLUDED)), ranges);
            // RAM the kernel left out of the dump, and no RAM at all
            assertEquals(MemoryAccessException.Reason.EXCLUDED,
                    assertThrows(MemoryAccessException.class, () -> s.read(Space.PHYSICAL, 0x3000, 1)).reason());
            assertEquals(MemoryAccessException.Reason.NOT_IN_DUMP,
                    assertThrows(MemoryAccessException.class, () -> s.read(Space.PHYSICAL, 0xa0000, 1)).reason());
        }
    }

    @Test
    void theEntriesAStepShowsCanBeReadAtTheirFileOffset() {
        try (Session s = open(version2(2))) {
            Translation t = s.translate(0xfffffe00_00205010L);
            var step = t.steps().getFirst();
            byte[] entry = s.read(step.tableSpace(), step.entryAddress(), 8);
            assertEquals(step.entry(), java.nio.ByteBuffer.wrap(entry).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
            assertThrows(MemoryAccessException.class, () -> s.read(Space.DUMP_FILE, 0x100_0000, 8));
        }
    }

    @Test
    void opensFromAFileByContent(@TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("vmcore.0");
        Files.write(file, version2(3).build());
        try (Session s = Session.open(file, OpenOptions.DEFAULT)) {
            assertEquals("freebsd-minidump", s.dump().format());
            assertEquals("pt page five", text(s.read(Space.KERNEL_VIRTUAL, 0xfffffe00_00205000L, 12)));
        }
    }

    @Test
    void headerFieldsAndMessageBufferForTheInfoView() {
        try (Session s = open(version2(3))) {
            List<FormatField> f = s.dump().header();
            assertTrue(f.contains(new FormatField("minidump header", "magic", "minidump FreeBSD/amd64")));
            assertTrue(f.contains(new FormatField("minidump header", "version", "3")));
            assertTrue(f.contains(new FormatField("minidump header", "kernbase", "0xfffffe0000000000")));
            assertTrue(f.contains(new FormatField("minidump header", "dmapbase", "0xfffff80000000000")));
            assertTrue(f.contains(new FormatField("dump_avail", "[1]", "0x100000-0x800000 (bits from 159)")));
            assertTrue(f.contains(new FormatField("pages", "dumped pages", "3")));
            assertTrue(f.contains(new FormatField("message buffer", "msgbuf", "panic: version 3\n")));
        }
    }
}
