package dev.vmscope.core.io;

import dev.vmscope.core.MemoryAccessException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Memory made of file-backed segments (ELF PT_LOADs, LiME ranges, raw images): each maps
 * {@code [start, start+memSize)} to file bytes, and reads past its file part as zero. Overlapping
 * segments are resolved in favour of the first one given. Every segment ends below 2^64 (formats
 * refuse others as corrupt). Lookups are a binary search.
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

    /**
     * Cuts the segments into disjoint pieces, giving each address to the first segment (in the order
     * given) that covers it, wherever that segment starts.
     */
    private static Piece[] disjointPieces(List<Segment> segments) {
        TreeMap<Long, Piece> claimed = new TreeMap<>(Long::compareUnsigned);
        for (Segment s : segments) {
            if (s.memSize() == 0) {
                continue;
            }
            if (Long.compareUnsigned(s.end(), s.start()) <= 0) {
                throw new IllegalArgumentException("segment at 0x" + Long.toHexString(s.start())
                        + " of size 0x" + Long.toHexString(s.memSize()) + " does not end below 2^64");
            }
            List<Piece> free = new ArrayList<>();
            long cursor = s.start();
            Map.Entry<Long, Piece> before = claimed.floorEntry(s.start());
            if (before != null && Long.compareUnsigned(before.getValue().end, cursor) > 0) {
                cursor = before.getValue().end;
            }
            for (Piece p : claimed.subMap(s.start(), true, s.end(), false).values()) {
                if (Long.compareUnsigned(p.start, cursor) > 0) {
                    free.add(pieceOf(s, cursor, p.start));
                }
                if (Long.compareUnsigned(p.end, cursor) > 0) {
                    cursor = p.end;
                }
            }
            if (Long.compareUnsigned(cursor, s.end()) < 0) {
                free.add(pieceOf(s, cursor, s.end()));
            }
            free.forEach(p -> claimed.put(p.start, p));
        }
        return claimed.values().toArray(Piece[]::new);
    }

    /** The part {@code [from, to)} of a segment. */
    private static Piece pieceOf(Segment s, long from, long to) {
        long skip = from - s.start();
        long fileLeft = Long.compareUnsigned(skip, s.fileSize()) >= 0 ? 0 : s.fileSize() - skip;
        long inPiece = Long.compareUnsigned(fileLeft, to - from) < 0 ? fileLeft : to - from;
        return new Piece(from, to, s.fileOffset() + skip, from + inPiece);
    }

    private static List<MemoryRange> rangesOf(Piece[] pieces) {
        List<MemoryRange> out = new ArrayList<>();
        long last = 0;
        for (Piece p : pieces) {
            if (Long.compareUnsigned(p.start, last) > 0) {
                MemoryRanges.append(out, new MemoryRange(last, p.start, RangeKind.HOLE));
            }
            if (Long.compareUnsigned(p.zeroFrom, p.start) > 0) {
                MemoryRanges.append(out, new MemoryRange(p.start, p.zeroFrom, RangeKind.RAM));
            }
            if (Long.compareUnsigned(p.end, p.zeroFrom) > 0) {
                MemoryRanges.append(out, new MemoryRange(p.zeroFrom, p.end, RangeKind.ZERO));
            }
            last = p.end;
        }
        return out;
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
            long room = p.end - a;
            long take = Long.compareUnsigned(room, left) < 0 ? room : left;
            a += take;
            left -= take;
        }
        return true;
    }

    private Piece find(long address) {
        int found = MemoryRanges.floor(starts, address);
        if (found < 0) {
            return null;
        }
        Piece p = pieces[found];
        return Long.compareUnsigned(address, p.end) < 0 ? p : null;
    }
}
