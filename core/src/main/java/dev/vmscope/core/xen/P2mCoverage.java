package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;

import java.util.List;

/**
 * How much of {@code [0, max_pfn)} a p2m accounts for: pfns backed by a frame, pfns whose entry is
 * invalid, and the ranges the structure does not reach at all, with why.
 */
public record P2mCoverage(MaxPfn maxPfn, long backed, long invalid, List<PfnRange> unreachable) {
    public P2mCoverage {
        unreachable = List.copyOf(unreachable);
    }

    /** Whether the structure reaches every pfn below max_pfn. */
    public boolean complete() {
        return unreachable.isEmpty();
    }

    /** One plain sentence: complete, or which pfns below max_pfn cannot be reached and why. */
    public String describe() {
        String head = backed + " pfns backed and " + invalid + " invalid below max_pfn " + Hex.of(maxPfn.value())
                + " (" + maxPfn.origin() + ")";
        if (complete()) {
            return head + "; the p2m reaches every pfn";
        }
        PfnRange first = unreachable.getFirst();
        long count = unreachable.stream().mapToLong(PfnRange::count).sum();
        return head + "; " + count + " pfns cannot be reached, first pfns " + Hex.of(first.start()) + "-"
                + Hex.of(first.end() - 1) + ": " + first.reason();
    }
}
