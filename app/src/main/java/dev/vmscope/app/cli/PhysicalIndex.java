package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.MappingRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The mappings of a page table sorted by the physical memory they map, so that the virtual addresses of one
 * physical address are found without reading every range: a binary search for the last range starting at
 * or below it, then back while an earlier range may still reach it (the running maximum of their ends).
 */
final class PhysicalIndex {
    private final MappingRange[] byPhysical;
    private final long[] starts;
    private final long[] reachUpTo;

    PhysicalIndex(List<MappingRange> ranges) {
        byPhysical = ranges.stream()
                .sorted(Comparator.comparing(MappingRange::physical, Long::compareUnsigned))
                .toArray(MappingRange[]::new);
        starts = Arrays.stream(byPhysical).mapToLong(MappingRange::physical).toArray();
        reachUpTo = new long[byPhysical.length];
        long reach = 0;
        for (int i = 0; i < byPhysical.length; i++) {
            long end = byPhysical[i].physical() + byPhysical[i].size();
            reach = Long.compareUnsigned(end, reach) > 0 ? end : reach;
            reachUpTo[i] = reach;
        }
    }

    /** Every virtual address that maps {@code pa}, in the ranges' virtual order. */
    List<Long> virtualOf(long pa) {
        List<MappingRange> hits = new ArrayList<>();
        for (int i = floor(pa); i >= 0 && Long.compareUnsigned(reachUpTo[i], pa) > 0; i--) {
            if (byPhysical[i].mapsPhysical(pa)) {
                hits.add(byPhysical[i]);
            }
        }
        hits.sort(Comparator.comparing(MappingRange::start, Long::compareUnsigned));
        return hits.stream().map(r -> r.virtualOf(pa)).toList();
    }

    /** The last range whose physical start is at or below {@code pa}, or -1. */
    private int floor(long pa) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], pa) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
