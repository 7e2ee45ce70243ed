package dev.vmscope.views.hex;

/**
 * Bytes {@code [start, start + length)} of the space shown: a selection or a match.
 *
 * @param length at least 1
 */
public record ByteSpan(long start, long length) {
    public ByteSpan {
        if (length < 1) {
            throw new IllegalArgumentException("an empty span");
        }
    }

    /** The span from {@code a} to {@code b}, both included, whichever comes first. */
    static ByteSpan between(long a, long b) {
        long lo = Long.compareUnsigned(a, b) <= 0 ? a : b;
        long hi = lo == a ? b : a;
        return new ByteSpan(lo, hi - lo + 1);
    }

    boolean contains(long address) {
        return Long.compareUnsigned(address - start, length) < 0;
    }
}
