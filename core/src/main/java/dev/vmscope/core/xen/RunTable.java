package dev.vmscope.core.xen;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Runs in pfn order kept as parallel primitive arrays (25 bytes a run) rather than one object per run;
 * {@link #asList} shows them as {@link P2mRun} values made on demand.
 */
final class RunTable {
    private static final P2mKind[] KINDS = P2mKind.values();

    private long[] pfns = new long[16];
    private long[] mfns = new long[16];
    private long[] counts = new long[16];
    private byte[] kinds = new byte[16];
    private int size;

    void add(long pfn, long mfn, long count, P2mKind kind) {
        if (size == pfns.length) {
            int grown = size * 2;
            pfns = Arrays.copyOf(pfns, grown);
            mfns = Arrays.copyOf(mfns, grown);
            counts = Arrays.copyOf(counts, grown);
            kinds = Arrays.copyOf(kinds, grown);
        }
        pfns[size] = pfn;
        mfns[size] = mfn;
        counts[size] = count;
        kinds[size] = (byte) kind.ordinal();
        size++;
    }

    int size() {
        return size;
    }

    long pfn(int i) {
        return pfns[i];
    }

    long mfn(int i) {
        return mfns[i];
    }

    long count(int i) {
        return counts[i];
    }

    P2mKind kind(int i) {
        return KINDS[kinds[i]];
    }

    P2mRun get(int i) {
        return new P2mRun(pfns[i], mfns[i], counts[i], kind(i));
    }

    /** The first pfn of each run, in order, for binary search. */
    long[] starts() {
        return Arrays.copyOf(pfns, size);
    }

    long totalCount() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += counts[i];
        }
        return n;
    }

    /** An unmodifiable view; each {@code get} makes the run's record. */
    List<P2mRun> asList() {
        return new View();
    }

    private final class View extends AbstractList<P2mRun> implements RandomAccess {
        @Override
        public P2mRun get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return RunTable.this.get(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
