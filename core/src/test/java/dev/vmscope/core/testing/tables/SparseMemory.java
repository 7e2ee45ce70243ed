package dev.vmscope.core.testing.tables;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sparse memory for page-table tests: 4 KiB pages come into being when first written; a read that
 * touches a page never written fails as a hole in a dump does. Addresses are unsigned.
 */
public final class SparseMemory implements Memory {
    private static final int PAGE = 4096;

    private final Space space;
    private final ByteOrder order;
    private final TreeMap<Long, byte[]> pages = new TreeMap<>(Long::compareUnsigned);

    public SparseMemory(Space space, ByteOrder order) {
        this.space = space;
        this.order = order;
    }

    /** Little-endian physical memory. */
    public static SparseMemory physical() {
        return new SparseMemory(Space.PHYSICAL, ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes an unsigned value of {@code width} bytes (1, 2, 4 or 8) in this memory's byte order. */
    public SparseMemory write(long address, long value, int width) {
        for (int i = 0; i < width; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
            writeByte(address + i, (byte) (value >>> shift));
        }
        return this;
    }

    public SparseMemory write(long address, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            writeByte(address + i, bytes[i]);
        }
        return this;
    }

    private void writeByte(long address, byte b) {
        pages.computeIfAbsent(address >>> 12, p -> new byte[PAGE])[(int) (address & (PAGE - 1))] = b;
    }

    @Override
    public Space space() {
        return space;
    }

    @Override
    public List<MemoryRange> ranges() {
        List<MemoryRange> out = new ArrayList<>();
        long end = 0;
        for (long page : pages.keySet()) {
            long start = page << 12;
            if (!out.isEmpty() && out.getLast().end() == start) {
                out.set(out.size() - 1, new MemoryRange(out.getLast().start(), start + PAGE, RangeKind.RAM));
            } else {
                if (Long.compareUnsigned(start, end) > 0) {
                    out.add(new MemoryRange(end, start, RangeKind.HOLE));
                }
                out.add(new MemoryRange(start, start + PAGE, RangeKind.RAM));
            }
            end = start + PAGE;
        }
        return out;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        for (int i = 0; i < length; i++) {
            long a = address + i;
            byte[] page = pages.get(a >>> 12);
            if (page == null) {
                throw new MemoryAccessException(space, a, MemoryAccessException.Reason.NOT_IN_DUMP);
            }
            dst[dstOffset + i] = page[(int) (a & (PAGE - 1))];
        }
    }

    /** The pages written so far, by page number. */
    public Map<Long, byte[]> pages() {
        return java.util.Collections.unmodifiableMap(pages);
    }
}
