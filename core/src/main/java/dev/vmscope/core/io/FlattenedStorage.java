package dev.vmscope.core.io;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * makedumpfile's flattened format seen as the file it stands for. A flattened file is a 4 KiB header
 * ({@code "makedumpfile"}, type 1, version 1, big-endian) and a stream of records
 * {@code {int64 offset, int64 size}} followed by {@code size} bytes, ended by offset -1; a later
 * record overwrites an earlier one. The index of records is built once (with progress); reads are
 * then random access, and never-written bytes read as zero, as in the rearranged file.
 */
public final class FlattenedStorage implements Storage {
    public static final String SIGNATURE = "makedumpfile";
    static final int HEADER_SIZE = 4096;
    private static final int RECORD_HEADER = 16;

    private final Storage file;
    private final long[] starts;
    private final long[] lengths;
    private final long[] sources;
    private final long size;

    private FlattenedStorage(Storage file, long[] starts, long[] lengths, long[] sources, long size) {
        this.file = file;
        this.starts = starts;
        this.lengths = lengths;
        this.sources = sources;
        this.size = size;
    }

    /** Whether the storage starts with the flattened header. */
    public static boolean isFlattened(Storage s) {
        if (!s.contains(0, 32)) {
            return false;
        }
        byte[] h = s.read(0, 32);
        return Bytes.cString(h, 0, 16).equals(SIGNATURE) && Bytes.u64(h, 16, java.nio.ByteOrder.BIG_ENDIAN) == 1;
    }

    /** Reads every record header once and builds the index. */
    public static FlattenedStorage index(Storage s, Progress progress) {
        java.nio.ByteOrder be = java.nio.ByteOrder.BIG_ENDIAN;
        Records records = new Records();
        long at = HEADER_SIZE;
        long total = s.size();
        while (true) {
            if (!s.contains(at, RECORD_HEADER)) {
                throw new DumpFormatException(s.name(), at, "flattened record header",
                        "a 16-byte {offset, size} record or the end marker (offset -1), the file ends first");
            }
            byte[] h = s.read(at, RECORD_HEADER);
            long offset = Bytes.u64(h, 0, be);
            long length = Bytes.u64(h, 8, be);
            if (offset == -1) {
                break;
            }
            if (offset < 0 || length < 0 || !s.contains(at + RECORD_HEADER, length) || offset + length < 0) {
                throw new DumpFormatException(s.name(), at, "flattened record " + records.count,
                        "a non-negative offset and a size that fits in the file, found offset " + Hex.of(offset)
                                + " size " + Hex.of(length));
            }
            records.add(offset, length, at + RECORD_HEADER);
            at += RECORD_HEADER + length;
            if ((records.count & 0xfff) == 0) {
                progress.update("Indexing flattened records", at, total);
                progress.checkCancelled();
            }
        }
        progress.update("Indexing flattened records", total, total);
        return records.resolve(s);
    }

    /** Record headers as they come, in three growable arrays. */
    private static final class Records {
        long[] dst = new long[1024];
        long[] len = new long[1024];
        long[] src = new long[1024];
        int count;

        void add(long d, long l, long s) {
            if (count == dst.length) {
                dst = Arrays.copyOf(dst, count * 2);
                len = Arrays.copyOf(len, count * 2);
                src = Arrays.copyOf(src, count * 2);
            }
            dst[count] = d;
            len[count] = l;
            src[count] = s;
            count++;
        }

        /** Later records win: walk backwards keeping only bytes no later record covered. */
        FlattenedStorage resolve(Storage s) {
            TreeMap<Long, Long> covered = new TreeMap<>();
            Records out = new Records();
            long size = 0;
            for (int i = count - 1; i >= 0; i--) {
                long from = dst[i];
                long to = dst[i] + len[i];
                size = Math.max(size, to);
                long cursor = from;
                Map.Entry<Long, Long> before = covered.floorEntry(from);
                if (before != null && before.getValue() > cursor) {
                    cursor = before.getValue();
                }
                for (Map.Entry<Long, Long> c : covered.subMap(from, true, to, false).entrySet()) {
                    if (c.getKey() > cursor) {
                        out.add(cursor, c.getKey() - cursor, src[i] + (cursor - from));
                    }
                    cursor = Math.max(cursor, c.getValue());
                }
                if (cursor < to) {
                    out.add(cursor, to - cursor, src[i] + (cursor - from));
                }
                cover(covered, from, to);
            }
            Integer[] order = new Integer[out.count];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(out.dst[a], out.dst[b]));
            long[] st = new long[order.length];
            long[] ln = new long[order.length];
            long[] sr = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                st[i] = out.dst[order[i]];
                ln[i] = out.len[order[i]];
                sr[i] = out.src[order[i]];
            }
            return new FlattenedStorage(s, st, ln, sr, size);
        }

        private static void cover(TreeMap<Long, Long> covered, long from, long to) {
            if (to <= from) {
                return;
            }
            long start = from;
            long end = to;
            Map.Entry<Long, Long> before = covered.floorEntry(from);
            if (before != null && before.getValue() >= from) {
                start = before.getKey();
                end = Math.max(end, before.getValue());
            }
            Map.Entry<Long, Long> next;
            while ((next = covered.ceilingEntry(start)) != null && next.getKey() <= end) {
                end = Math.max(end, next.getValue());
                covered.remove(next.getKey());
            }
            covered.put(start, end);
        }
    }

    /** Number of disjoint pieces the records resolved into. */
    public int pieces() {
        return starts.length;
    }

    /** A run of the rearranged file that some record wrote; the bytes between pieces were never written. */
    public record Piece(long offset, long length) {
    }

    /** The written pieces of the rearranged file, in increasing offset, disjoint. */
    public List<Piece> layout() {
        List<Piece> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new Piece(starts[i], lengths[i]));
        }
        return out;
    }

    @Override
    public String name() {
        return file.name();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        if (!contains(offset, length)) {
            throw new DumpFormatException(file.name(), offset, "read of " + length + " bytes (flattened view)",
                    "a range inside the rearranged file (size " + Hex.of(size) + ")");
        }
        long at = offset;
        int done = 0;
        int i = floor(at);
        while (done < length) {
            if (i >= 0 && at < starts[i] + lengths[i]) {
                int n = (int) Math.min(length - done, starts[i] + lengths[i] - at);
                file.read(sources[i] + (at - starts[i]), dst, dstOffset + done, n);
                done += n;
                at += n;
            } else {
                long nextStart = i + 1 < starts.length ? starts[i + 1] : Long.MAX_VALUE;
                int n = (int) Math.min(length - done, nextStart - at);
                Arrays.fill(dst, dstOffset + done, dstOffset + done + n, (byte) 0);
                done += n;
                at += n;
            }
            if (i + 1 < starts.length && at >= starts[i + 1]) {
                i++;
            }
        }
    }

    private int floor(long offset) {
        int idx = Arrays.binarySearch(starts, offset);
        return idx >= 0 ? idx : -idx - 2;
    }

    @Override
    public void close() {
        file.close();
    }
}
