package dev.vmscope.core.format.minidump;

import java.util.List;

/**
 * The physical ranges a minidump's bitmap describes ({@code dump_avail}: pairs of start and end addresses),
 * and the bit of each page: bits count the pages of the ranges one after another, range by range, a range
 * covering the pages from {@code start / pageSize} up to {@code end / pageSize} rounded up. Minidumps before
 * {@code dump_avail} describe one range from 0, one bit per page.
 *
 * @param explicit whether the dump gave the ranges (pages outside them are no RAM at all)
 */
record DumpAvail(List<Range> ranges, boolean explicit) {

    /** Pages {@code [firstPage, endPage)}, whose bits start at {@code firstBit}. */
    record Range(long firstPage, long endPage, long firstBit) {
        long pages() {
            return endPage - firstPage;
        }
    }

    DumpAvail {
        ranges = List.copyOf(ranges);
    }

    /** One range from page 0, one bit per page: what minidumps without {@code dump_avail} mean. */
    static DumpAvail implied(long bits) {
        return new DumpAvail(List.of(new Range(0, bits, 0)), false);
    }

    /** The bit of page {@code pfn}, or -1 when no range holds it. */
    long bitOf(long pfn) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = ranges.get(mid);
            if (pfn < r.firstPage()) {
                hi = mid - 1;
            } else if (pfn >= r.endPage()) {
                lo = mid + 1;
            } else {
                return r.firstBit() + (pfn - r.firstPage());
            }
        }
        return -1;
    }

    /** Bits the ranges cover. */
    long bits() {
        return ranges.isEmpty() ? 0 : ranges.getLast().firstBit() + ranges.getLast().pages();
    }
}
