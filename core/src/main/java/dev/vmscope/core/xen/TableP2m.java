package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A p2m given as a table of (pfn, machine frame) pairs, as {@code xl dump-core} writes it in its
 * {@code .xen_p2m} section (in no particular order). Pfns the table does not list were not dumped.
 */
public final class TableP2m implements P2m {
    /** The pfn value xc_core writes for a slot it could not fill. */
    public static final long INVALID_PFN = -1L;

    private final FramePairs byPfn;
    private final MaxPfn maxPfn;
    private final String source;

    /**
     * @param pfns   pseudo-physical frame numbers, {@link #INVALID_PFN} for unused slots
     * @param frames the machine frame of each, ~0 when it has none
     */
    public TableP2m(long[] pfns, long[] frames, String source) {
        this.byPfn = FramePairs.sortedBy(pfns, frames, INVALID_PFN);
        this.source = source;
        long highest = byPfn.size() == 0 ? -1 : byPfn.key(byPfn.size() - 1);
        this.maxPfn = new MaxPfn(highest + 1, "the highest pfn listed in .xen_p2m, plus one");
    }

    @Override
    public String layout() {
        return "xc-core";
    }

    @Override
    public MaxPfn maxPfn() {
        return maxPfn;
    }

    @Override
    public P2mLookup lookup(long pfn) {
        OptionalLong frame = byPfn.get(pfn);
        if (frame.isEmpty()) {
            return P2mLookup.none(pfn, P2mKind.UNREACHABLE, "pfn " + Hex.of(pfn) + " is not listed in .xen_p2m", Optional.empty());
        }
        P2mEntry e = P2mEntry.decode(frame.getAsLong(), pfn);
        String what = ".xen_p2m lists pfn " + Hex.of(pfn) + " with frame " + Hex.of(frame.getAsLong());
        return e.kind().backed()
                ? P2mLookup.backed(pfn, e.kind(), e.mfn().getAsLong(), what, Optional.empty())
                : P2mLookup.none(pfn, e.kind(), what, Optional.empty());
    }

    @Override
    public P2mMap enumerate(Progress progress, P2mLimits limits) {
        P2mMapBuilder out = new P2mMapBuilder(source, limits);
        long next = 0;
        for (int i = 0; i < byPfn.size(); i++) {
            long pfn = byPfn.key(i);
            if (pfn > next) {
                out.gap(next, pfn, P2mKind.UNREACHABLE, "not listed in .xen_p2m");
            }
            out.entry(pfn, P2mEntry.decode(byPfn.value(i), pfn));
            next = pfn + 1;
            if ((i & 0xffff) == 0) {
                progress.update("Reading .xen_p2m", i, byPfn.size());
                progress.checkCancelled();
            }
        }
        progress.update("Reading .xen_p2m", byPfn.size(), byPfn.size());
        return out.build(layout(), maxPfn);
    }
}
