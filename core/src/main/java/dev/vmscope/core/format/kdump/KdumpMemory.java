package dev.vmscope.core.format.kdump;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.PageCache;
import dev.vmscope.core.io.Space;

import java.util.Arrays;
import java.util.List;

/**
 * The memory of one compressed kdump file: a page is there when its bit is set in the dumped bitmap
 * and it lies in the file's window; its data is decoded on demand. Partial reads go through a small
 * cache (page-table walks touch the same pages again and again); whole-page reads decode straight into
 * the caller's buffer, so bulk readers on several threads neither contend nor evict. A page that is RAM
 * but not dumped was excluded by filtering, and in an incomplete dump a page whose descriptor was never
 * written is missing: both read as an error, or as zeros when the dump is opened to read excluded pages
 * as zeros.
 */
final class KdumpMemory implements Memory {
    private enum State { DUMPED, EXCLUDED, UNWRITTEN, ABSENT }

    private final KdumpFile file;
    private final KdumpPages pages;
    private final boolean zeroExcluded;
    private final int blockSize;
    private final PageCache cache = new PageCache(256);
    private volatile List<MemoryRange> ranges;

    KdumpMemory(KdumpFile file, boolean zeroExcluded) {
        this.file = file;
        this.pages = new KdumpPages(file);
        this.zeroExcluded = zeroExcluded;
        this.blockSize = file.blockSize();
    }

    KdumpFile file() {
        return file;
    }

    @Override
    public Space space() {
        return file.space();
    }

    @Override
    public List<MemoryRange> ranges() {
        List<MemoryRange> r = ranges;
        if (r == null) {
            r = List.copyOf(KdumpRanges.of(file));
            ranges = r;
        }
        return r;
    }

    /** The bitmap index of an address's page, or -1 below the first pfn the dump numbers. */
    private long index(long address) {
        long pfn = Long.divideUnsigned(address, blockSize);
        return pfn < file.pfnOffset() ? -1 : pfn - file.pfnOffset();
    }

    private State state(long index) {
        if (index < file.firstIndex() || index >= file.endIndex()) {
            return State.ABSENT;
        }
        if (file.dumped().get(index)) {
            return file.census().unwritten(file.descriptorIndex(index)) ? State.UNWRITTEN : State.DUMPED;
        }
        return file.valid().get(index) ? State.EXCLUDED : State.ABSENT;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        long a = address;
        int done = 0;
        while (done < length) {
            long index = index(a);
            int inPage = (int) Long.remainderUnsigned(a, blockSize);
            int n = Math.min(length - done, blockSize - inPage);
            switch (index < 0 ? State.ABSENT : state(index)) {
                case DUMPED -> {
                    if (n == blockSize) {
                        pages.decode(index, dst, dstOffset + done);
                    } else {
                        byte[] page = cache.get(index, this::load);
                        System.arraycopy(page, inPage, dst, dstOffset + done, n);
                    }
                }
                case EXCLUDED -> missing(a, MemoryAccessException.Reason.EXCLUDED, dst, dstOffset + done, n);
                case UNWRITTEN -> missing(a, MemoryAccessException.Reason.NOT_IN_DUMP, dst, dstOffset + done, n);
                case ABSENT -> throw new MemoryAccessException(space(), a, MemoryAccessException.Reason.NOT_IN_DUMP);
            }
            done += n;
            a += n;
        }
    }

    private void missing(long address, MemoryAccessException.Reason reason, byte[] dst, int from, int n) {
        if (!zeroExcluded) {
            throw new MemoryAccessException(space(), address, reason);
        }
        Arrays.fill(dst, from, from + n, (byte) 0);
    }

    private byte[] load(long index) {
        byte[] page = new byte[blockSize];
        pages.decode(index, page, 0);
        return page;
    }

    /** Whether every byte can be read; runs of pages are checked with the bitmaps' searches, not page by page. */
    @Override
    public boolean isReadable(long address, long length) {
        if (length <= 0) {
            return true;
        }
        long first = index(address);
        long last = index(address + length - 1);
        if (first < 0 || last < first || first < file.firstIndex() || last >= file.endIndex()) {
            return false;
        }
        PageBitmap dumped = file.dumped();
        PageBitmap valid = file.valid();
        if (!zeroExcluded) {
            if (dumped.next(first, false, last + 1) <= last) {
                return false;
            }
            long d = file.descriptorIndex(first);
            long gap = file.census().unwrittenCount() == 0 ? -1 : file.census().nextUnwritten(d);
            return gap < 0 || gap > d + (last - first);
        }
        for (long i = first; i <= last; ) {
            if (dumped.get(i)) {
                i = dumped.next(i, false, last + 1);
            } else if (valid.get(i)) {
                i = valid.next(i, false, last + 1);
            } else {
                return false;
            }
        }
        return true;
    }
}
