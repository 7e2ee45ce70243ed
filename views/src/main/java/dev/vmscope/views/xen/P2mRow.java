package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xen.P2mKind;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.P2mRun;
import dev.vmscope.core.xen.PfnRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A row of the p2m table: a run of backed pfns with its first machine frame, or a range without a
 * frame with the reason.
 *
 * @param mfn the first machine frame, or -1 for a range without one
 */
record P2mRow(long pfn, long count, long mfn, P2mKind kind, String note) {

    /** Runs and frameless ranges together, in pfn order. */
    static List<P2mRow> of(P2mMap map) {
        List<P2mRow> out = new ArrayList<>(map.runs().size() + map.gaps().size());
        for (P2mRun r : map.runs()) {
            out.add(new P2mRow(r.pfn(), r.count(), r.mfn(), r.kind(), ""));
        }
        for (PfnRange g : map.gaps()) {
            out.add(new P2mRow(g.start(), g.end() - g.start(), -1, g.kind(), g.reason()));
        }
        out.sort(Comparator.comparingLong(P2mRow::pfn));
        return out;
    }

    String pfnText() {
        return Hex.of(pfn) + " – " + Hex.of(pfn + count - 1);
    }

    String mfnText() {
        return mfn < 0 ? "—" : Hex.of(mfn) + " – " + Hex.of(mfn + count - 1);
    }
}
