package dev.vmscope.core.io;

import java.util.List;

/** Small helpers shared by every memory that builds a list of ranges or looks addresses up in one. */
public final class MemoryRanges {
    private MemoryRanges() {
    }

    /** Appends a range, joining it to the one before when they are of a kind and touch. */
    public static void append(List<MemoryRange> out, MemoryRange r) {
        if (!out.isEmpty()) {
            MemoryRange prev = out.getLast();
            if (prev.kind() == r.kind() && prev.end() == r.start()) {
                out.set(out.size() - 1, new MemoryRange(prev.start(), r.end(), r.kind()));
                return;
            }
        }
        out.add(r);
    }

    /** The index of the last start at or below {@code address} (unsigned), or -1 when every start is above it. */
    public static int floor(long[] sortedStarts, long address) {
        int lo = 0;
        int hi = sortedStarts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sortedStarts[mid], address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
