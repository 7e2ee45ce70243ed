package dev.vmscope.core.format.kdump;

import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory map of one kdump file's window, from its bitmaps: runs of dumped pages (RAM), pages that
 * are RAM but were filtered out or — in an incomplete dump — never written (excluded), and pfns in
 * neither bitmap (holes). Runs are found with the bitmaps' next-set/next-clear search, not page by page,
 * and no search goes past the end of the run being built, so the whole map costs one pass over the bitmaps
 * however the hostile bits alternate.
 */
final class KdumpRanges {
    private KdumpRanges() {
    }

    static List<MemoryRange> of(KdumpFile f) {
        List<MemoryRange> out = new ArrayList<>();
        PageBitmap valid = f.valid();
        PageBitmap dumped = f.dumped();
        long end = f.endIndex();
        long p = f.firstIndex();
        long nextDumped = -1; // the first dumped pfn at or after p once p is past it: searched once per gap, not per run
        while (p < end) {
            long q;
            if (dumped.get(p)) {
                q = dumped.next(p, false, end);
                addDumped(f, p, q, out);
            } else {
                boolean ram = valid.get(p);
                if (nextDumped < p) {
                    nextDumped = dumped.next(p, true, end);
                }
                long limit = Math.min(nextDumped, end);
                q = valid.next(p, !ram, limit);
                add(f, out, p, q, ram ? RangeKind.EXCLUDED : RangeKind.HOLE);
            }
            p = Math.max(q, p + 1);
        }
        return out;
    }

    /** A run of dumped pages, cut where an incomplete dump never wrote the descriptors. */
    private static void addDumped(KdumpFile f, long from, long to, List<MemoryRange> out) {
        DescriptorCensus census = f.census();
        if (census.unwrittenCount() == 0) {
            add(f, out, from, to, RangeKind.RAM);
            return;
        }
        long d0 = f.descriptorIndex(from);
        long dEnd = d0 + (to - from);
        long d = d0;
        while (d < dEnd) {
            long gap = census.nextUnwritten(d);
            long writtenEnd = gap < 0 ? dEnd : Math.min(gap, dEnd);
            if (writtenEnd > d) {
                add(f, out, from + (d - d0), from + (writtenEnd - d0), RangeKind.RAM);
                d = writtenEnd;
                continue;
            }
            long missingEnd = Math.min(census.nextWritten(d), dEnd);
            add(f, out, from + (d - d0), from + (missingEnd - d0), RangeKind.EXCLUDED);
            d = Math.max(missingEnd, d + 1);
        }
    }

    private static void add(KdumpFile f, List<MemoryRange> out, long fromIndex, long toIndex, RangeKind kind) {
        long start = (fromIndex + f.pfnOffset()) * f.blockSize();
        long end = (toIndex + f.pfnOffset()) * f.blockSize();
        if (!out.isEmpty()) {
            MemoryRange last = out.getLast();
            if (last.kind() == kind && last.end() == start) {
                out.set(out.size() - 1, new MemoryRange(last.start(), end, kind));
                return;
            }
        }
        out.add(new MemoryRange(start, end, kind));
    }
}
