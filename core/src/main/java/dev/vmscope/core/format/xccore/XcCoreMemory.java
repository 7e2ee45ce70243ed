package dev.vmscope.core.format.xccore;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.xen.FramePairs;
import dev.vmscope.core.xen.P2m;
import dev.vmscope.core.xen.PvGuestMemory;
import dev.vmscope.core.xen.TableP2m;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages of an {@code xl dump-core} file: page {@code i} of {@code .xen_pages} is the frame named by
 * entry {@code i} of {@code .xen_p2m} (a PV guest: {pfn, machine frame} pairs, so memory is keyed by
 * machine frame and the pairs are the guest's p2m) or of {@code .xen_pfn} (an HVM guest: guest-physical
 * frames). Entries are in no particular order; rows of ~0 are unused slots.
 */
final class XcCoreMemory implements PvGuestMemory {
    /** No file describes more than 2^28 pages (1 TiB) here; the tables are read into memory. */
    static final long MAX_PAGES = 1L << 28;
    private static final int CHUNK = 1 << 16;

    private final Storage storage;
    private final Space space;
    private final long pagesAt;
    private final long pageSize;
    private final FramePairs frames;
    private final Optional<P2m> p2m;
    private final List<MemoryRange> ranges;

    private XcCoreMemory(Storage storage, Space space, long pagesAt, long pageSize, FramePairs frames, Optional<P2m> p2m) {
        this.storage = storage;
        this.space = space;
        this.pagesAt = pagesAt;
        this.pageSize = pageSize;
        this.frames = frames;
        this.p2m = p2m;
        this.ranges = List.copyOf(rangesOf(frames, pageSize));
    }

    /**
     * @param table {@code .xen_p2m} (PV) or {@code .xen_pfn} (HVM)
     */
    static XcCoreMemory open(Storage s, XcCoreHeader h, ElfSection pages, ElfSection table, ByteOrder order, Progress progress) {
        long n = h.pages();
        int rowSize = h.hvm() ? 8 : 16;
        if (n < 0 || n > MAX_PAGES) {
            throw new UnsupportedDumpException(s.name(), pages.headerOffset(), "an xl dump-core file of " + n
                    + " pages (vmscope reads at most " + MAX_PAGES + ")");
        }
        if (h.pageSize() != 4096 || pages.size() != n * h.pageSize()) {
            throw new DumpFormatException(s.name(), pages.headerOffset() + 32, "section .xen_pages: sh_size",
                    "xch_nr_pages " + n + " pages of 4096 bytes (" + Hex.of(n * 4096) + "), found " + Hex.of(pages.size())
                            + " bytes with xch_page_size " + h.pageSize());
        }
        if (table.size() != n * rowSize) {
            throw new DumpFormatException(s.name(), table.headerOffset() + 32, "section " + table.name() + ": sh_size",
                    "xch_nr_pages " + n + " entries of " + rowSize + " bytes (" + Hex.of(n * rowSize) + "), found " + Hex.of(table.size()));
        }
        long[] pfns = new long[(int) n];
        long[] mfns = h.hvm() ? null : new long[(int) n];
        for (long first = 0; first < n; first += CHUNK) {
            int count = (int) Math.min(CHUNK, n - first);
            byte[] rows = s.read(table.offset() + first * rowSize, count * rowSize);
            for (int i = 0; i < count; i++) {
                pfns[(int) first + i] = frame(s, table, first + i, rowSize, "pfn", Bytes.u64(rows, i * rowSize, order), h.pageSize());
                if (mfns != null) {
                    mfns[(int) first + i] = frame(s, table, first + i, rowSize, "gmfn", Bytes.u64(rows, i * rowSize + 8, order), h.pageSize());
                }
            }
            progress.update("Reading " + table.name(), first + count, n);
            progress.checkCancelled();
        }
        long[] slots = new long[(int) n];
        for (int i = 0; i < n; i++) {
            slots[i] = i;
        }
        if (h.hvm()) {
            return new XcCoreMemory(s, Space.PHYSICAL, pages.offset(), h.pageSize(), FramePairs.sortedBy(pfns, slots, TableP2m.INVALID_PFN),
                    Optional.empty());
        }
        for (int i = 0; i < n; i++) {
            if (pfns[i] == TableP2m.INVALID_PFN) {
                mfns[i] = TableP2m.INVALID_PFN;
            }
        }
        return new XcCoreMemory(s, Space.MACHINE, pages.offset(), h.pageSize(), FramePairs.sortedBy(mfns, slots, TableP2m.INVALID_PFN),
                Optional.of(new TableP2m(pfns, mfns, s.name())));
    }

    private static List<MemoryRange> rangesOf(FramePairs frames, long pageSize) {
        List<MemoryRange> out = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < frames.size(); i++) {
            long start = frames.key(i) * pageSize;
            if (start < 0 || frames.key(i) > Long.MAX_VALUE / pageSize - 1) {
                continue;
            }
            if (!out.isEmpty() && out.getLast().end() == start) {
                out.set(out.size() - 1, new MemoryRange(out.getLast().start(), start + pageSize, RangeKind.RAM));
            } else {
                if (start > end) {
                    out.add(new MemoryRange(end, start, RangeKind.HOLE));
                }
                out.add(new MemoryRange(start, start + pageSize, RangeKind.RAM));
            }
            end = start + pageSize;
        }
        return out;
    }

    @Override
    public Optional<P2m> p2m() {
        return p2m;
    }

    @Override
    public Space space() {
        return space;
    }

    @Override
    public List<MemoryRange> ranges() {
        return ranges;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        int done = 0;
        while (done < length) {
            long a = address + done;
            long frame = Long.divideUnsigned(a, pageSize);
            int in = (int) Long.remainderUnsigned(a, pageSize);
            int n = (int) Math.min(length - done, pageSize - in);
            long slot = frames.get(frame).orElseThrow(() -> new MemoryAccessException(space, a, MemoryAccessException.Reason.NOT_IN_DUMP));
            storage.read(pagesAt + slot * pageSize + in, dst, dstOffset + done, n);
            done += n;
        }
    }

    @Override
    public boolean isReadable(long address, long length) {
        for (long f = Long.divideUnsigned(address, pageSize); length > 0 && f <= Long.divideUnsigned(address + length - 1, pageSize); f++) {
            if (frames.get(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A frame number of the table, or ~0 for none; one whose page would lie past 2^64 is corrupt. */
    private static long frame(Storage s, ElfSection table, long row, long rowSize, String field, long frame, long pageSize) {
        if (frame != TableP2m.INVALID_PFN && Long.compareUnsigned(frame, Long.divideUnsigned(-1L, pageSize)) >= 0) {
            throw new DumpFormatException(s.name(), table.offset() + row * rowSize, table.name() + "[" + row + "]." + field,
                    "a frame number whose page lies below 2^64, or ~0 for none, found " + Hex.of(frame));
        }
        return frame;
    }
}
