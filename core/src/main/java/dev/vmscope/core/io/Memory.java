package dev.vmscope.core.io;

import dev.vmscope.core.MemoryAccessException;

import java.nio.ByteOrder;
import java.util.List;

/**
 * The memory a dump provides, in one address space: which ranges are there and their bytes. Reads
 * never return invented bytes: a hole or a filtered page is a {@link MemoryAccessException}.
 */
public interface Memory {

    Space space();

    /** Every range in address order, holes included, from the lowest to the highest address described. */
    List<MemoryRange> ranges();

    /**
     * Copies {@code length} bytes at {@code address}.
     *
     * @throws MemoryAccessException when any byte of the range is not in the dump
     */
    void read(long address, byte[] dst, int dstOffset, int length);

    default byte[] read(long address, int length) {
        byte[] b = new byte[length];
        read(address, b, 0, length);
        return b;
    }

    default long readLong(long address, ByteOrder order) {
        byte[] b = new byte[8];
        read(address, b, 0, 8);
        return Bytes.u64(b, 0, order);
    }

    default long readInt(long address, ByteOrder order) {
        byte[] b = new byte[4];
        read(address, b, 0, 4);
        return Bytes.u32(b, 0, order);
    }

    /** Whether every byte of {@code [address, address+length)} can be read. */
    default boolean isReadable(long address, long length) {
        long a = address;
        long remaining = length;
        for (MemoryRange r : ranges()) {
            if (remaining == 0) {
                return true;
            }
            if (r.contains(a)) {
                if (r.kind() != RangeKind.RAM && r.kind() != RangeKind.ZERO) {
                    return false;
                }
                long take = Math.min(remaining, r.end() - a);
                a += take;
                remaining -= take;
            }
        }
        return remaining == 0;
    }
}
