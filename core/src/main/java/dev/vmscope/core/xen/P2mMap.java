package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A whole p2m, enumerated once: the backed pfns as runs in pfn order, the pfns without a frame as
 * ranges with their reason, and an inverse index from machine frames back to pfns. Immutable.
 */
public final class P2mMap {
    private final String layout;
    private final MaxPfn maxPfn;
    private final List<P2mRun> runs;
    private final long[] runStarts;
    private final List<PfnRange> gaps;
    private final long[] gapStarts;
    private final long[] inverseMfn;
    private final long[] inversePfn;
    private final long[] inverseCount;
    private final List<String> notes;

    P2mMap(String layout, MaxPfn maxPfn, List<P2mRun> runs, List<PfnRange> gaps, List<String> notes) {
        this.layout = layout;
        this.maxPfn = maxPfn;
        this.runs = List.copyOf(runs);
        this.gaps = List.copyOf(gaps);
        this.notes = List.copyOf(notes);
        this.runStarts = this.runs.stream().mapToLong(P2mRun::pfn).toArray();
        this.gapStarts = this.gaps.stream().mapToLong(PfnRange::start).toArray();
        List<long[]> inverse = inverse(this.runs);
        this.inverseMfn = inverse.stream().mapToLong(a -> a[0]).toArray();
        this.inversePfn = inverse.stream().mapToLong(a -> a[1]).toArray();
        this.inverseCount = inverse.stream().mapToLong(a -> a[2]).toArray();
    }

    /**
     * Non-overlapping {mfn, pfn, count} triples sorted by mfn. Where two runs name the same machine frame,
     * a mapped run wins over an identity one, and both over a foreign one (that frame belongs to another domain).
     */
    private static List<long[]> inverse(List<P2mRun> runs) {
        List<P2mRun> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> a.mfn() != b.mfn() ? Long.compare(a.mfn(), b.mfn()) : Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
        List<long[]> out = new ArrayList<>(sorted.size());
        long coveredEnd = Long.MIN_VALUE;
        for (P2mRun r : sorted) {
            long from = Math.max(r.mfn(), coveredEnd);
            long end = r.mfn() + r.count();
            if (from >= end) {
                continue;
            }
            out.add(new long[] {from, r.pfn() + (from - r.mfn()), end - from});
            coveredEnd = end;
        }
        return out;
    }

    /** {@code tree}, {@code linear} or {@code xc-core}. */
    public String layout() {
        return layout;
    }

    public MaxPfn maxPfn() {
        return maxPfn;
    }

    /** Backed pfns, in pfn order. */
    public List<P2mRun> runs() {
        return runs;
    }

    /** Pfns below max_pfn without a frame: invalid entries and ranges the structure does not reach. */
    public List<PfnRange> gaps() {
        return gaps;
    }

    /** Ranges below max_pfn that the structure does not reach, with the reason (empty when it covers max_pfn). */
    public List<PfnRange> unreachable() {
        return gaps.stream().filter(g -> g.kind() == P2mKind.UNREACHABLE).toList();
    }

    /** Number of pfns with an invalid (~0) entry. */
    public long invalidCount() {
        return gaps.stream().filter(g -> g.kind() == P2mKind.INVALID).mapToLong(PfnRange::count).sum();
    }

    public long backedCount() {
        return runs.stream().mapToLong(P2mRun::count).sum();
    }

    /** How much of {@code [0, max_pfn)} the p2m accounts for, and what it cannot reach. */
    public P2mCoverage coverage() {
        return new P2mCoverage(maxPfn, backedCount(), invalidCount(), unreachable());
    }

    /** Observations made while enumerating (shared leaf pages, caps), in words. */
    public List<String> notes() {
        return notes;
    }

    /** The pfn's entry as enumerated: its run, or the gap that holds it, or past max_pfn. */
    public P2mLookup lookup(long pfn) {
        int r = floor(runStarts, pfn);
        if (r >= 0 && runs.get(r).containsPfn(pfn)) {
            P2mRun run = runs.get(r);
            return P2mLookup.backed(pfn, run.kind(), run.mfn() + (pfn - run.pfn()), "in run " + run, Optional.empty());
        }
        int g = floor(gapStarts, pfn);
        if (g >= 0 && pfn < gaps.get(g).end()) {
            PfnRange gap = gaps.get(g);
            return P2mLookup.none(pfn, gap.kind(), gap.reason(), Optional.empty());
        }
        return P2mLookup.none(pfn, P2mKind.UNREACHABLE, pfn >= maxPfn.value()
                ? "pfn is not below max_pfn " + Hex.of(maxPfn.value()) + " (" + maxPfn.origin() + ")"
                : "pfn was not enumerated", Optional.empty());
    }

    /** The machine frame of a pfn, when one backs it. */
    public OptionalLong mfn(long pfn) {
        return lookup(pfn).mfn();
    }

    /** The pfn a machine frame backs in this p2m (the inverse of {@link #mfn}), if any. */
    public OptionalLong pfn(long mfn) {
        int i = floor(inverseMfn, mfn);
        if (i >= 0 && mfn - inverseMfn[i] < inverseCount[i]) {
            return OptionalLong.of(inversePfn[i] + (mfn - inverseMfn[i]));
        }
        return OptionalLong.empty();
    }

    /** Runs that start at or after {@code fromPfn}, at most {@code limit} of them, for paged output. */
    public List<P2mRun> runsFrom(long fromPfn, int limit) {
        int i = floor(runStarts, fromPfn);
        int start = i >= 0 && runs.get(i).containsPfn(fromPfn) ? i : i + 1;
        return Collections.unmodifiableList(runs.subList(start, Math.min(runs.size(), start + Math.max(0, limit))));
    }

    private static int floor(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public String toString() {
        return layout + " p2m: " + runs.size() + " runs, " + backedCount() + " backed pfns, " + invalidCount()
                + " invalid, max_pfn " + Hex.of(maxPfn.value());
    }
}
