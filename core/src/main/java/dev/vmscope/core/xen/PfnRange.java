package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;

/** Pfns {@code [start, end)} without a machine frame, and why. */
public record PfnRange(long start, long end, P2mKind kind, String reason) {
    public PfnRange {
        if (kind.backed()) {
            throw new IllegalArgumentException("a range without frames cannot be " + kind.id());
        }
        if (end <= start) {
            throw new IllegalArgumentException("empty range");
        }
    }

    public long count() {
        return end - start;
    }

    @Override
    public String toString() {
        return "pfns " + Hex.of(start) + "-" + Hex.of(end - 1) + " " + kind.id() + ": " + reason;
    }
}
