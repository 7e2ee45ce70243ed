package dev.vmscope.core.io;

import dev.vmscope.core.MemoryAccessException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Memory made of file-backed segments (ELF PT_LOADs, LiME ranges, raw images): each maps
 * {@code [start, start+memSize)} to file bytes, and reads past its file part as zero. Overlapping
 * segments are resolved in favour of the first one given. Lookups are a binary search.
 */
public final class SegmentedMemory implements Memory {

    /** One segment: {@code fileSize} bytes at {@code fileOffset}, then zeros up to {@code memSize}. */
    public record Segment(long start, long memSize, long fileOffset, long fileSize) {
        long end() {
            return start + memSize;
        }
    }

    /** A disjoint piece of a segment: addresses [start, end), file bytes up to zeroFrom. */
    private record Piece(long start, long end, long fileOffset, long zeroFrom) {
    }

    private final Storage storage;
    private final Space space;
    private final Piece[] pieces;
    private final long[] starts;
    private final List<MemoryRange> ranges;

    public SegmentedMemory(Storage storage, Space space, List<Segment> segments) {
        this.storage = storage;
        this.space = space;
        this.pieces = disjointPieces(segments);
        this.starts = new long[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            starts[i] = pieces[i].start;
        }
        this.ranges = List.copyOf(rangesOf(pieces));
    }

    private static Piece[] disjointPieces(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).memSize() > 0) {
                sorted.add(segments.get(i));
            }
        }
        // stable sort keeps the first-given segment first among equal starts
        sorted.sort(Comparator.comparing(Segment::start, Long::compareUnsigned));
        List<Piece> out = new ArrayList<>(sorted.size());
        long covered = 0;
        boolean any = false;
        for (Segment s : sorted) {
            long from = s.start();
            long to = s.end();
            if (any && Long.compareUnsigned(to, covered) <= 0 && to != 0) {
                continue; // wholly inside what earlier segments already give
            }
            if (any && Long.compareUnsigned(from, covered) < 0) {
                from = covered;
            }
            long skip = from - s.start();
            long fileLeft = Math.max(0, s.fileSize() - skip);
            out.add(new Piece(from, to, s.fileOffset() + skip, from + fileLeft));
            covered = to;
            any = true;
        }
        return out.toArray(Piece[]::new);
    }

    private static List<MemoryRange> rangesOf(Piece[] pieces) {
        List<MemoryRange> out = new ArrayList<>();
        long last = 0;
        for (Piece p : pieces) {
            if (Long.compareUnsigned(p.start, last) > 0) {
                add(out, new MemoryRange(last, p.start, RangeKind.HOLE));
            }
            if (Long.compareUnsigned(p.zeroFrom, p.start) > 0) {
                add(out, new MemoryRange(p.start, p.zeroFrom, RangeKind.RAM));
            }
            if (Long.compareUnsigned(p.end, p.zeroFrom) > 0) {
                add(out, new MemoryRange(p.zeroFrom, p.end, RangeKind.ZERO));
            }
            last = p.end;
        }
        return out;
    }

    private static void add(List<MemoryRange> out, MemoryRange r) {
        if (!out.isEmpty()) {
            MemoryRange prev = out.getLast();
            if (prev.kind() == r.kind() && prev.end() == r.start()) {
                out.set(out.size() - 1, new MemoryRange(prev.start(), r.end(), r.kind()));
                return;
            }
        }
        out.add(r);
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
        long a = address;
        int done = 0;
        while (done < length) {
            Piece p = find(a);
            if (p == null) {
                throw new MemoryAccessException(space, a, MemoryAccessException.Reason.NOT_IN_DUMP);
            }
            long available = p.end - a;
            int n = (int) Math.min(length - done, Long.compareUnsigned(available, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : available);
            long fileBytes = Long.compareUnsigned(a, p.zeroFrom) < 0 ? Math.min(n, p.zeroFrom - a) : 0;
            if (fileBytes > 0) {
                storage.read(p.fileOffset + (a - p.start), dst, dstOffset + done, (int) fileBytes);
            }
            java.util.Arrays.fill(dst, dstOffset + done + (int) fileBytes, dstOffset + done + n, (byte) 0);
            done += n;
            a += n;
        }
    }

    @Override
    public boolean isReadable(long address, long length) {
        long a = address;
        long left = length;
        while (left > 0) {
            Piece p = find(a);
            if (p == null) {
                return false;
            }
            long take = Math.min(left, p.end - a);
            a += take;
            left -= take;
        }
        return true;
    }

    private Piece find(long address) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return null;
        }
        Piece p = pieces[found];
        return Long.compareUnsigned(address, p.end) < 0 || (p.end == 0 && p.start != 0) ? p : null;
    }
}
