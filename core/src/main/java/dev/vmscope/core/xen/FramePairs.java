package dev.vmscope.core.xen;

import java.util.OptionalLong;

/**
 * Frame-number pairs sorted by key, for binary-search lookups: pfn to machine frame, or a frame to its
 * slot in a file. Built once from arrays in any order (a stable merge sort on the two arrays, no boxing);
 * when a key appears twice the first pair given wins.
 */
public final class FramePairs {
    private final long[] keys;
    private final long[] values;

    private FramePairs(long[] keys, long[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Sorts copies of the arrays by key; pairs whose key is {@code skipKey} are left out. */
    public static FramePairs sortedBy(long[] keys, long[] values, long skipKey) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("one value per key");
        }
        int n = 0;
        long[] k = new long[keys.length];
        long[] v = new long[values.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != skipKey) {
                k[n] = keys[i];
                v[n] = values[i];
                n++;
            }
        }
        k = java.util.Arrays.copyOf(k, n);
        v = java.util.Arrays.copyOf(v, n);
        if (!sorted(k)) {
            mergeSort(k, v);
        }
        return dedupe(k, v);
    }

    public int size() {
        return keys.length;
    }

    public long key(int i) {
        return keys[i];
    }

    public long value(int i) {
        return values[i];
    }

    public OptionalLong get(long key) {
        int i = java.util.Arrays.binarySearch(keys, key);
        return i >= 0 ? OptionalLong.of(values[i]) : OptionalLong.empty();
    }

    private static boolean sorted(long[] k) {
        for (int i = 1; i < k.length; i++) {
            if (k[i - 1] > k[i]) {
                return false;
            }
        }
        return true;
    }

    /** Bottom-up merge sort of both arrays by key; stable. */
    private static void mergeSort(long[] k, long[] v) {
        int n = k.length;
        long[] k2 = new long[n];
        long[] v2 = new long[n];
        long[] ka = k;
        long[] va = v;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int out = lo; out < hi; out++) {
                    boolean left = i < mid && (j >= hi || ka[i] <= ka[j]);
                    k2[out] = left ? ka[i] : ka[j];
                    v2[out] = left ? va[i++] : va[j++];
                }
            }
            long[] t = ka;
            ka = k2;
            k2 = t;
            t = va;
            va = v2;
            v2 = t;
        }
        if (ka != k) {
            System.arraycopy(ka, 0, k, 0, n);
            System.arraycopy(va, 0, v, 0, n);
        }
    }

    private static FramePairs dedupe(long[] k, long[] v) {
        int n = 0;
        for (int i = 0; i < k.length; i++) {
            if (n == 0 || k[n - 1] != k[i]) {
                k[n] = k[i];
                v[n] = v[i];
                n++;
            }
        }
        return new FramePairs(java.util.Arrays.copyOf(k, n), java.util.Arrays.copyOf(v, n));
    }
}
