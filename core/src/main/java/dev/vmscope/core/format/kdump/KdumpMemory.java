package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.PageCache;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory of a compressed kdump: a page is in the dump when its bit is set in the dumped
 * bitmap; its descriptor is found by rank; its data is decoded on demand and cached. A page that is
 * RAM (first bitmap) but not dumped was excluded by filtering and reads as an error unless the
 * dump is opened to read excluded pages as zeros.
 */
final class KdumpMemory implements Memory {
    private final Storage storage;
    private final Space space;
    private final int blockSize;
    private final PageBitmap valid;
    private final PageBitmap dumped;
    private final long descriptorsAt;
    private final boolean zeroExcluded;
    private final PageCache cache = new PageCache(256);
    private volatile List<MemoryRange> ranges;

    KdumpMemory(Storage storage, Space space, int blockSize, PageBitmap valid, PageBitmap dumped,
                long descriptorsAt, boolean zeroExcluded) {
        this.storage = storage;
        this.space = space;
        this.blockSize = blockSize;
        this.valid = valid;
        this.dumped = dumped;
        this.descriptorsAt = descriptorsAt;
        this.zeroExcluded = zeroExcluded;
    }

    @Override
    public Space space() {
        return space;
    }

    long dumpedPages() {
        return dumped.cardinality();
    }

    long validPages() {
        return valid.cardinality();
    }

    @Override
    public List<MemoryRange> ranges() {
        List<MemoryRange> r = ranges;
        if (r == null) {
            r = List.copyOf(computeRanges());
            ranges = r;
        }
        return r;
    }

    private List<MemoryRange> computeRanges() {
        List<MemoryRange> out = new ArrayList<>();
        long end = Math.max(valid.size(), dumped.size());
        long pfn = 0;
        while (pfn < end) {
            RangeKind kind = kindOf(pfn);
            long next = pfn + 1;
            while (next < end && kindOf(next) == kind) {
                long jump = switch (kind) {
                    case RAM -> dumped.next(next, false);
                    case HOLE -> Math.min(valid.next(next, true), dumped.next(next, true));
                    default -> next + 1;
                };
                next = jump > next ? jump : next + 1;
            }
            out.add(new MemoryRange(pfn * blockSize, Math.min(next, end) * blockSize, kind));
            pfn = next;
        }
        return out;
    }

    private RangeKind kindOf(long pfn) {
        if (dumped.get(pfn)) {
            return RangeKind.RAM;
        }
        return valid.get(pfn) ? RangeKind.EXCLUDED : RangeKind.HOLE;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        long a = address;
        int done = 0;
        while (done < length) {
            long pfn = Long.divideUnsigned(a, blockSize);
            int inPage = (int) Long.remainderUnsigned(a, blockSize);
            int n = Math.min(length - done, blockSize - inPage);
            byte[] page = page(pfn, a);
            if (page == null) {
                java.util.Arrays.fill(dst, dstOffset + done, dstOffset + done + n, (byte) 0);
            } else {
                System.arraycopy(page, inPage, dst, dstOffset + done, n);
            }
            done += n;
            a += n;
        }
    }

    @Override
    public boolean isReadable(long address, long length) {
        if (length <= 0) {
            return true;
        }
        long first = Long.divideUnsigned(address, blockSize);
        long last = Long.divideUnsigned(address + length - 1, blockSize);
        for (long pfn = first; pfn <= last; pfn++) {
            if (!dumped.get(pfn) && !(zeroExcluded && valid.get(pfn))) {
                return false;
            }
        }
        return true;
    }

    /** The decoded page, or {@code null} for an excluded page read as zero. */
    private byte[] page(long pfn, long address) {
        if (!dumped.get(pfn)) {
            if (valid.get(pfn)) {
                if (zeroExcluded) {
                    return null;
                }
                throw new MemoryAccessException(space, address, MemoryAccessException.Reason.EXCLUDED);
            }
            throw new MemoryAccessException(space, address, MemoryAccessException.Reason.NOT_IN_DUMP);
        }
        return cache.get(pfn, p -> load(p, address));
    }

    private byte[] load(long pfn, long address) {
        long at = descriptorsAt + dumped.rank(pfn) * PageDescriptor.SIZE;
        if (!storage.contains(at, PageDescriptor.SIZE)) {
            throw new MemoryAccessException(space, address, MemoryAccessException.Reason.NOT_IN_DUMP);
        }
        PageDescriptor pd = descriptor(at);
        if (pd.offset() == 0 && pd.size() == 0) {
            // an incomplete dump: the descriptor was never written
            throw new MemoryAccessException(space, address, MemoryAccessException.Reason.NOT_IN_DUMP);
        }
        String where = "page descriptor of pfn " + Hex.of(pfn);
        if (pd.size() <= 0 || pd.size() > 2 * blockSize || !storage.contains(pd.offset(), pd.size())) {
            throw new DumpFormatException(storage.name(), at, where + ": offset/size",
                    "at most " + Hex.of(2L * blockSize) + " bytes of page data inside the file, found "
                            + Hex.of(pd.size()) + " bytes at " + Hex.of(pd.offset()));
        }
        PageCodec codec = PageCodec.fromFlags(pd.flags());
        if (codec == null) {
            throw new DumpFormatException(storage.name(), at + 12, where + ": flags",
                    "one of zlib 0x1, lzo 0x2, snappy 0x4, zstd 0x20, found " + Hex.of(pd.flags()));
        }
        byte[] data = storage.read(pd.offset(), pd.size());
        byte[] page = new byte[blockSize];
        int produced;
        try {
            produced = codec == PageCodec.NONE && pd.size() != blockSize ? -1 : codec.decode(data, data.length, page);
        } catch (IllegalArgumentException e) {
            throw new DumpFormatException(storage.name(), pd.offset(), where + ": " + codec.id() + " page data",
                    "a page of " + Hex.of(blockSize) + " bytes (" + e.getMessage() + ")");
        }
        if (produced != blockSize) {
            throw new DumpFormatException(storage.name(), pd.offset(), where + ": " + codec.id() + " page data",
                    "a page of " + Hex.of(blockSize) + " bytes, decoded " + Hex.of(Math.max(produced, 0)));
        }
        return page;
    }

    PageDescriptor descriptor(long at) {
        byte[] b = storage.read(at, PageDescriptor.SIZE);
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        return new PageDescriptor(Bytes.u64(b, 0, le), (int) Bytes.u32(b, 8, le), (int) Bytes.u32(b, 12, le), Bytes.u64(b, 16, le));
    }
}
