package dev.vmscope.core.format.kdump;

import dev.vmscope.core.io.Bytes;

import java.nio.ByteOrder;

/**
 * A page bitmap of a compressed kdump (bit {@code pfn % 8} of byte {@code pfn / 8}), with a rank index
 * so that "how many set bits come before this pfn" — the index of its page descriptor — costs at most
 * eight popcounts. FreeBSD minidumps use the same bitmap to place their pages.
 */
public final class PageBitmap {
    private static final int LONGS_PER_BLOCK = 8;
    private final long[] words;
    private final long[] rankBefore;
    private final long bits;

    public PageBitmap(byte[] bytes, long bits) {
        this.bits = Math.min(bits, (long) bytes.length * 8);
        int n = (int) ((this.bits + 63) / 64);
        this.words = new long[n];
        int whole = Math.min(n, bytes.length / 8);
        for (int i = 0; i < whole; i++) {
            words[i] = Bytes.u64(bytes, i * 8, ByteOrder.LITTLE_ENDIAN);
        }
        for (int i = whole; i < n; i++) {
            long w = 0;
            for (int b = 7; b >= 0; b--) {
                int at = i * 8 + b;
                w = (w << 8) | (at < bytes.length ? bytes[at] & 0xffL : 0);
            }
            words[i] = w;
        }
        int tail = (int) (this.bits % 64);
        if (tail != 0 && n > 0) {
            words[n - 1] &= (1L << tail) - 1;
        }
        this.rankBefore = new long[n / LONGS_PER_BLOCK + 1];
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (i % LONGS_PER_BLOCK == 0) {
                rankBefore[i / LONGS_PER_BLOCK] = count;
            }
            count += Long.bitCount(words[i]);
        }
        if (n % LONGS_PER_BLOCK == 0) {
            rankBefore[n / LONGS_PER_BLOCK] = count;
        }
    }

    public long size() {
        return bits;
    }

    public boolean get(long pfn) {
        if (pfn < 0 || pfn >= bits) {
            return false;
        }
        return (words[(int) (pfn >>> 6)] & (1L << (pfn & 63))) != 0;
    }

    /** Number of set bits below {@code pfn} (none below a negative one). */
    public long rank(long pfn) {
        long p = Math.max(0, Math.min(pfn, bits));
        int word = (int) (p >>> 6);
        int block = word / LONGS_PER_BLOCK;
        long r = rankBefore[block];
        for (int i = block * LONGS_PER_BLOCK; i < word; i++) {
            r += Long.bitCount(words[i]);
        }
        int rest = (int) (p & 63);
        if (rest != 0) {
            r += Long.bitCount(words[word] & ((1L << rest) - 1));
        }
        return r;
    }

    public long cardinality() {
        return rank(bits);
    }

    /** The first pfn at or after {@code from} whose bit equals {@code value}, or {@link #size()}. */
    public long next(long from, boolean value) {
        return next(from, value, bits);
    }

    /**
     * The first pfn in {@code [from, limit)} whose bit equals {@code value}, bits past the end counting as
     * clear, or {@code limit} when there is none; the search stops at {@code limit}.
     */
    public long next(long from, boolean value, long limit) {
        long stop = Math.min(bits, limit);
        long p = Math.max(from, 0);
        while (p < stop) {
            int word = (int) (p >>> 6);
            long w = value ? words[word] : ~words[word];
            w &= -1L << (p & 63);
            if (w != 0) {
                return Math.min(stop, ((long) word << 6) + Long.numberOfTrailingZeros(w));
            }
            p = ((long) word + 1) << 6;
        }
        return !value && bits < limit ? Math.max(from, bits) : limit;
    }

    /**
     * How many indexes in {@code [from, to)} have bit {@code mine} here and bit {@code theirs} in
     * {@code other} (bits past either bitmap's end count as clear).
     */
    long count(PageBitmap other, long from, long to, boolean mine, boolean theirs) {
        long end = Math.max(0, Math.min(to, Math.max(bits, other.bits)));
        long n = 0;
        for (long p = Math.max(0, from); p < end; ) {
            int word = (int) (p >>> 6);
            long a = word < words.length ? words[word] : 0;
            long b = word < other.words.length ? other.words[word] : 0;
            long w = (mine ? a : ~a) & (theirs ? b : ~b);
            w &= -1L << (p & 63);
            long next = ((long) word + 1) << 6;
            if (next > end) {
                w &= (1L << (end & 63)) - 1;
            }
            n += Long.bitCount(w);
            p = next;
        }
        return n;
    }
}
