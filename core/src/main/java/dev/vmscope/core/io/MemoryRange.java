package dev.vmscope.core.io;

/** A range {@code [start, end)} of an address space and what the dump holds there. */
public record MemoryRange(long start, long end, RangeKind kind) {
    public MemoryRange {
        if (Long.compareUnsigned(end, start) < 0) {
            throw new IllegalArgumentException("range end below start");
        }
        java.util.Objects.requireNonNull(kind);
    }

    public long size() {
        return end - start;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
