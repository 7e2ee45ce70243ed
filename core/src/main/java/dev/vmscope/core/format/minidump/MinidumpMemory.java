package dev.vmscope.core.format.minidump;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.format.kdump.PageBitmap;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.MemoryRanges;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;

import java.util.ArrayList;
import java.util.List;

/**
 * A minidump's physical memory: a page is in the dump when its bit is set, and is then the page whose
 * number among the set bits is its rank, counted from the first page after the page-table array. Pages of
 * {@code dump_avail} whose bits are clear are RAM the kernel left out (only what it maps is dumped); a dump
 * whose file ends early lacks its last pages.
 */
final class MinidumpMemory implements Memory {
    private final Storage storage;
    private final long pageSize;
    private final long pagesAt;
    private final PageBitmap bitmap;
    private final DumpAvail ranges;
    private volatile List<MemoryRange> memoryRanges;

    MinidumpMemory(Storage storage, long pageSize, long pagesAt, PageBitmap bitmap, DumpAvail ranges) {
        this.storage = storage;
        this.pageSize = pageSize;
        this.pagesAt = pagesAt;
        this.bitmap = bitmap;
        this.ranges = ranges;
    }

    @Override
    public Space space() {
        return Space.PHYSICAL;
    }

    /** Pages the bitmap says are dumped. */
    long dumpedPages() {
        return bitmap.cardinality();
    }

    /** Dumped pages the file ends before. */
    long missingPages() {
        long room = Math.max(0, storage.size() - pagesAt) / pageSize;
        return Math.max(0, dumpedPages() - room);
    }

    @Override
    public List<MemoryRange> ranges() {
        List<MemoryRange> r = memoryRanges;
        if (r == null) {
            r = List.copyOf(computeRanges());
            memoryRanges = r;
        }
        return r;
    }

    private List<MemoryRange> computeRanges() {
        List<MemoryRange> out = new ArrayList<>();
        RangeKind notDumped = ranges.explicit() ? RangeKind.EXCLUDED : RangeKind.HOLE;
        long end = 0;
        for (DumpAvail.Range r : ranges.ranges()) {
            if (r.firstPage() > end) {
                MemoryRanges.append(out, new MemoryRange(end * pageSize, r.firstPage() * pageSize, RangeKind.HOLE));
            }
            long bit = r.firstBit();
            long lastBit = r.firstBit() + r.pages();
            while (bit < lastBit) {
                boolean dumped = bitmap.get(bit);
                long next = bitmap.next(bit, !dumped, lastBit);
                if (next <= bit) {
                    next = lastBit;
                }
                long from = r.firstPage() + (bit - r.firstBit());
                long to = r.firstPage() + (next - r.firstBit());
                MemoryRanges.append(out, new MemoryRange(from * pageSize, to * pageSize, dumped ? RangeKind.RAM : notDumped));
                bit = next;
            }
            end = r.endPage();
        }
        return out;
    }


    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        long a = address;
        int done = 0;
        while (done < length) {
            int inPage = (int) Long.remainderUnsigned(a, pageSize);
            int n = (int) Math.min(length - done, pageSize - inPage);
            storage.read(fileOffset(a) + inPage, dst, dstOffset + done, n);
            done += n;
            a += n;
        }
    }

    /** Where the page holding {@code address} is in the file. */
    private long fileOffset(long address) {
        long bit = ranges.bitOf(Long.divideUnsigned(address, pageSize));
        if (bit < 0) {
            throw new MemoryAccessException(Space.PHYSICAL, address, MemoryAccessException.Reason.NOT_IN_DUMP);
        }
        if (!bitmap.get(bit)) {
            throw new MemoryAccessException(Space.PHYSICAL, address, ranges.explicit()
                    ? MemoryAccessException.Reason.EXCLUDED : MemoryAccessException.Reason.NOT_IN_DUMP);
        }
        long at = pagesAt + bitmap.rank(bit) * pageSize;
        if (!storage.contains(at, pageSize)) {
            throw new MemoryAccessException(Space.PHYSICAL, address, MemoryAccessException.Reason.NOT_IN_DUMP);
        }
        return at;
    }

    @Override
    public boolean isReadable(long address, long length) {
        if (length <= 0) {
            return true;
        }
        long first = Long.divideUnsigned(address, pageSize);
        long last = Long.divideUnsigned(address + length - 1, pageSize);
        for (long pfn = first; pfn <= last; pfn++) {
            long bit = ranges.bitOf(pfn);
            if (bit < 0 || !bitmap.get(bit) || !storage.contains(pagesAt + bitmap.rank(bit) * pageSize, pageSize)) {
                return false;
            }
        }
        return true;
    }
}
