package dev.vmscope.core.format.kdump;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.MemoryRanges;
import dev.vmscope.core.io.Space;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory of a {@code makedumpfile --split} set: each part holds the pages of one pfn range, and a
 * read is routed to the part whose range holds the address (a binary search over the ranges' starts).
 * The set owns the storages of all parts but the first, which the dump itself closes.
 */
final class SplitKdumpMemory implements Memory, AutoCloseable {
    private final List<KdumpMemory> all;
    private final List<KdumpMemory> parts;
    private final long[] starts;
    private final List<MemoryRange> ranges;

    /**
     * @param parts the parts in pfn order, with adjoining windows (checked by {@link SplitKdump}); parts
     *              with an empty range (makedumpfile writes them when it has more files than pages to
     *              share) hold no memory and only need closing
     */
    SplitKdumpMemory(List<KdumpMemory> parts) {
        this.all = List.copyOf(parts);
        this.parts = parts.stream().filter(p -> p.file().endIndex() > p.file().firstIndex()).toList();
        this.starts = new long[this.parts.size()];
        for (int i = 0; i < starts.length; i++) {
            KdumpFile f = this.parts.get(i).file();
            starts[i] = (f.firstIndex() + f.pfnOffset()) * f.blockSize();
        }
        List<MemoryRange> merged = new ArrayList<>();
        for (KdumpMemory m : this.parts) {
            for (MemoryRange r : m.ranges()) {
                MemoryRange last = merged.isEmpty() ? null : merged.getLast();
                if (last != null && last.kind() == r.kind() && last.end() == r.start()) {
                    merged.set(merged.size() - 1, new MemoryRange(last.start(), r.end(), r.kind()));
                } else {
                    merged.add(r);
                }
            }
        }
        this.ranges = List.copyOf(merged);
    }

    @Override
    public Space space() {
        return all.getFirst().space();
    }

    @Override
    public List<MemoryRange> ranges() {
        return ranges;
    }

    private KdumpMemory partOf(long address) {
        int found = MemoryRanges.floor(starts, address);
        return found < 0 ? null : parts.get(found);
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        long a = address;
        int done = 0;
        while (done < length) {
            KdumpMemory part = partOf(a);
            if (part == null) {
                throw new MemoryAccessException(space(), a, MemoryAccessException.Reason.NOT_IN_DUMP);
            }
            int blockSize = part.file().blockSize();
            int n = (int) Math.min(length - done, blockSize - Long.remainderUnsigned(a, blockSize));
            part.read(a, dst, dstOffset + done, n);
            done += n;
            a += n;
        }
    }

    @Override
    public boolean isReadable(long address, long length) {
        long a = address;
        long left = length;
        while (left > 0) {
            KdumpMemory part = partOf(a);
            if (part == null) {
                return false;
            }
            KdumpFile f = part.file();
            long partEnd = (f.endIndex() + f.pfnOffset()) * f.blockSize();
            long n = Math.min(left, partEnd - a);
            if (n <= 0 || !part.isReadable(a, n)) {
                return false;
            }
            a += n;
            left -= n;
        }
        return true;
    }

    @Override
    public void close() {
        for (int i = 1; i < all.size(); i++) {
            all.get(i).file().storage().close();
        }
    }
}
