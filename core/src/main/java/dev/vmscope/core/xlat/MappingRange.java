package dev.vmscope.core.xlat;

import java.util.List;

/**
 * Consecutive pages that map consecutive physical memory with the same page size and attributes, as
 * a ptdump line shows them: {@code [start, end)} of virtual space at {@code physical}.
 *
 * @param level the level whose entries map these pages (its name is {@code mode.form().levels().get(level).name()})
 */
public record MappingRange(long start, long end, long physical, long pageSize, int level, List<String> flags) {
    public MappingRange {
        flags = List.copyOf(flags);
    }

    public long size() {
        return end - start;
    }

    /** Whether {@code pa} lies in the physical memory this range maps. */
    public boolean mapsPhysical(long pa) {
        return Long.compareUnsigned(pa, physical) >= 0 && Long.compareUnsigned(pa - physical, size()) < 0;
    }

    /** The virtual address that maps {@code pa}, which must lie in this range. */
    public long virtualOf(long pa) {
        return start + (pa - physical);
    }
}
