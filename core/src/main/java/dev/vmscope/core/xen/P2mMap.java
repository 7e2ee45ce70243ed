package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * A whole p2m, enumerated once: the backed pfns as runs in pfn order, the pfns without a frame as
 * ranges with their reason, and an inverse index from machine frames back to pfns. Immutable. The inverse
 * index holds non-overlapping {mfn, pfn, count} triples sorted by mfn: where two runs name the same machine
 * frame, a mapped run wins over an identity one, and both over a foreign one (that frame belongs to another domain).
 */
public final class P2mMap {
    private final String layout;
    private final MaxPfn maxPfn;
    private final RunTable table;
    private final List<P2mRun> runs;
    private final long[] runStarts;
    private final List<PfnRange> gaps;
    private final long[] gapStarts;
    private final long[] inverseMfn;
    private final long[] inversePfn;
    private final long[] inverseCount;
    private final List<String> notes;

    /** @param runs the backed pfns in pfn order, no longer added to */
    P2mMap(String layout, MaxPfn maxPfn, RunTable runs, List<PfnRange> gaps, List<String> notes) {
        this.layout = layout;
        this.maxPfn = maxPfn;
        this.table = runs;
        this.runs = runs.asList();
        this.gaps = List.copyOf(gaps);
        this.notes = List.copyOf(notes);
        this.runStarts = runs.starts();
        this.gapStarts = this.gaps.stream().mapToLong(PfnRange::start).toArray();
        int[] byMfn = IntStream.range(0, runs.size()).boxed()
                .sorted(Comparator.<Integer>comparingLong(runs::mfn).thenComparingInt(i -> runs.kind(i).ordinal()))
                .mapToInt(Integer::intValue).toArray();
        long[] mfn = new long[byMfn.length];
        long[] pfn = new long[byMfn.length];
        long[] count = new long[byMfn.length];
        int n = 0;
        long coveredEnd = Long.MIN_VALUE;
        for (int r : byMfn) {
            long from = Math.max(runs.mfn(r), coveredEnd);
            long end = runs.mfn(r) + runs.count(r);
            if (from < end) {
                mfn[n] = from;
                pfn[n] = runs.pfn(r) + (from - runs.mfn(r));
                count[n] = end - from;
                n++;
                coveredEnd = end;
            }
        }
        this.inverseMfn = Arrays.copyOf(mfn, n);
        this.inversePfn = Arrays.copyOf(pfn, n);
        this.inverseCount = Arrays.copyOf(count, n);
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
        return table.totalCount();
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
