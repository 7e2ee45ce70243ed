package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;

/**
 * {@code count} consecutive pfns backed by consecutive machine frames, all of one kind.
 *
 * @param kind {@link P2mKind#MAPPED}, {@link P2mKind#IDENTITY} or {@link P2mKind#FOREIGN}
 */
public record P2mRun(long pfn, long mfn, long count, P2mKind kind) {
    public P2mRun {
        if (!kind.backed()) {
            throw new IllegalArgumentException("a run of " + kind.id() + " entries has no machine frames");
        }
        if (count <= 0) {
            throw new IllegalArgumentException("empty run");
        }
    }

    public long endPfn() {
        return pfn + count;
    }

    public boolean containsPfn(long p) {
        return p >= pfn && p - pfn < count;
    }

    public boolean containsMfn(long m) {
        return m >= mfn && m - mfn < count;
    }

    @Override
    public String toString() {
        return "pfn " + Hex.of(pfn) + " -> mfn " + Hex.of(mfn) + " x " + count + " (" + kind.id() + ")";
    }
}
