package dev.vmscope.core.io;

import dev.vmscope.core.MemoryAccessException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory made of file segments, over a storage whose bytes are 0x11 at offsets 0x0000-0x0fff, 0x22 at
 * 0x1000-0x1fff, 0x33 at 0x2000-0x2fff and 0x44 at 0x3000-0x3fff, so every byte read tells where it came from.
 */
class SegmentedMemoryTest {
    private static final Storage STORAGE = new ByteArrayStorage("segments", file());

    private static byte[] file() {
        byte[] b = new byte[0x4000];
        for (int page = 0; page < 4; page++) {
            Arrays.fill(b, page * 0x1000, (page + 1) * 0x1000, (byte) (0x11 * (page + 1)));
        }
        return b;
    }

    private static SegmentedMemory memory(SegmentedMemory.Segment... segments) {
        return new SegmentedMemory(STORAGE, Space.PHYSICAL, List.of(segments));
    }

    private static SegmentedMemory.Segment seg(long start, long memSize, long fileOffset, long fileSize) {
        return new SegmentedMemory.Segment(start, memSize, fileOffset, fileSize);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void holesZeroTailsAndRamAreReportedInOrder() {
        SegmentedMemory m = memory(
                seg(0x10000, 0x1000, 0x0000, 0x1000),      // RAM
                seg(0x20000, 0x3000, 0x1000, 0x1000),      // RAM then a zero tail of 0x2000
                seg(0x23000, 0x1000, 0x2000, 0x1000));     // RAM right after the tail
        assertEquals(List.of(
                new MemoryRange(0x0, 0x10000, RangeKind.HOLE),
                new MemoryRange(0x10000, 0x11000, RangeKind.RAM),
                new MemoryRange(0x11000, 0x20000, RangeKind.HOLE),
                new MemoryRange(0x20000, 0x21000, RangeKind.RAM),
                new MemoryRange(0x21000, 0x23000, RangeKind.ZERO),
                new MemoryRange(0x23000, 0x24000, RangeKind.RAM)), m.ranges());
    }

    @Test
    void zeroTailReadsAsZeros() {
        SegmentedMemory m = memory(seg(0x20000, 0x3000, 0x1000, 0x1000));
        assertArrayEquals(concat(filled(8, 0x22), filled(8, 0)), m.read(0x20ff8, 16));
        assertArrayEquals(filled(0x2000, 0), m.read(0x21000, 0x2000));
    }

    @Test
    void readsCrossSegmentBoundaries() {
        SegmentedMemory m = memory(seg(0x20000, 0x1000, 0x1000, 0x1000), seg(0x21000, 0x1000, 0x3000, 0x1000));
        assertArrayEquals(concat(filled(4, 0x22), filled(4, 0x44)), m.read(0x20ffc, 8));
        SegmentedMemory withTail = memory(seg(0x20000, 0x2000, 0x0, 0x1000), seg(0x22000, 0x1000, 0x2000, 0x1000));
        assertArrayEquals(concat(filled(2, 0x11), filled(0x1000, 0), filled(2, 0x33)), withTail.read(0x20ffe, 0x1004));
    }

    @Test
    void readIntoAHoleNamesTheFirstMissingByte() {
        SegmentedMemory m = memory(seg(0x10000, 0x1000, 0, 0x1000), seg(0x12000, 0x1000, 0x1000, 0x1000));
        MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> m.read(0x10ff0, 0x20));
        assertEquals(0x11000, e.address());
        assertEquals(Space.PHYSICAL, e.space());
        assertEquals(MemoryAccessException.Reason.NOT_IN_DUMP, e.reason());
        assertEquals("physical address 0x11000 is not in the dump", e.getMessage());
        assertEquals(0x5000, assertThrows(MemoryAccessException.class, () -> m.read(0x5000, 1)).address());
        assertEquals(0x13000, assertThrows(MemoryAccessException.class, () -> m.read(0x12fff, 2)).address());
        assertFalse(m.isReadable(0x10ff0, 0x20));
        assertTrue(m.isReadable(0x10000, 0x1000));
    }

    @Test
    void overlappingSegmentsWithTheSameStartFirstWins() {
        SegmentedMemory m = memory(seg(0x10000, 0x1000, 0x0000, 0x1000), seg(0x10000, 0x2000, 0x2000, 0x2000));
        assertArrayEquals(concat(filled(1, 0x11), filled(1, 0x44)), m.read(0x10fff, 2));
    }

    @Test
    void overlappingSegmentsFirstGivenWinsWhereverItStarts() {
        // the first segment lies inside the second, which starts lower
        SegmentedMemory inside = memory(seg(0x11000, 0x1000, 0x0000, 0x1000), seg(0x10000, 0x3000, 0x1000, 0x3000));
        assertArrayEquals(filled(1, 0x22), inside.read(0x10fff, 1));
        assertArrayEquals(filled(0x1000, 0x11), inside.read(0x11000, 0x1000));
        assertArrayEquals(filled(1, 0x44), inside.read(0x12000, 1));
        assertEquals(List.of(new MemoryRange(0, 0x10000, RangeKind.HOLE), new MemoryRange(0x10000, 0x13000, RangeKind.RAM)),
                inside.ranges());
        // the first overlaps the start of the second
        SegmentedMemory head = memory(seg(0x10000, 0x2000, 0x0000, 0x2000), seg(0x11000, 0x2000, 0x2000, 0x2000));
        assertArrayEquals(concat(filled(1, 0x22), filled(1, 0x44)), head.read(0x11fff, 2));
        // the first overlaps the end of the second
        SegmentedMemory tail = memory(seg(0x11000, 0x2000, 0x0000, 0x2000), seg(0x10000, 0x2000, 0x2000, 0x2000));
        assertArrayEquals(concat(filled(1, 0x33), filled(1, 0x11)), tail.read(0x10fff, 2));
    }

    @Test
    void aZeroTailOfTheFirstSegmentHidesTheSecondsBytes() {
        SegmentedMemory m = memory(seg(0x10000, 0x2000, 0x0000, 0x1000), seg(0x11000, 0x1000, 0x3000, 0x1000));
        assertArrayEquals(new byte[16], m.read(0x11000, 16));
        assertEquals(RangeKind.ZERO, m.ranges().getLast().kind());
    }

    @Test
    void emptySegmentsAreIgnored() {
        SegmentedMemory m = memory(seg(0x10000, 0, 0, 0), seg(0x20000, 0x1000, 0, 0x1000));
        assertEquals(List.of(new MemoryRange(0, 0x20000, RangeKind.HOLE), new MemoryRange(0x20000, 0x21000, RangeKind.RAM)),
                m.ranges());
    }

    @Test
    void segmentsNearTheTopOfTheAddressSpace() {
        SegmentedMemory m = memory(seg(0xffffffffffffe000L, 0x1000, 0x3000, 0x1000));
        assertArrayEquals(filled(16, 0x44), m.read(0xffffffffffffeff0L, 16));
        assertTrue(m.isReadable(0xffffffffffffe000L, 0x1000));
        assertEquals(0xfffffffffffff000L, assertThrows(MemoryAccessException.class,
                () -> m.read(0xffffffffffffeff8L, 16)).address());
        // a segment cannot end at 2^64: its end would not be an address
        assertThrows(IllegalArgumentException.class, () -> memory(seg(0xfffffffffffff000L, 0x1000, 0, 0x1000)));
    }

    @Test
    void hugeSegmentsAreCheckedWithoutOverflow() {
        // 0x8000000000000000 bytes of zero tail: longer than any signed length
        SegmentedMemory m = memory(seg(0x1000, 0x8000000000000000L, 0, 0x1000));
        assertTrue(m.isReadable(0x1000, Long.MAX_VALUE));
        assertFalse(m.isReadable(0x800, 0x1000));
        assertArrayEquals(new byte[8], m.read(0x7000000000000000L, 8));
    }
}
