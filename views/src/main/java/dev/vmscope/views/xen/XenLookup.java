package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xen.P2mLookup;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.XenM2p;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One answer of the Xen pane's lookups, both ways: a pfn through dom0's p2m, a machine frame through
 * the p2m's inverse and Xen's m2p. Invalid entries and pfns the p2m does not reach are answers too.
 *
 * @param frame  the frame found (the mfn for a pfn, the pfn for an mfn), when there is one
 * @param kind   the p2m kind word ({@code ram}, {@code identity}, {@code invalid}, …) or {@code none}
 * @param answer one sentence for the pane
 */
public record XenLookup(OptionalLong frame, String kind, String answer) {

    /** pfn → mfn through dom0's p2m. */
    static XenLookup ofPfn(P2mMap map, long pfn) {
        P2mLookup l = map.lookup(pfn);
        String head = "pfn " + Hex.of(pfn) + " (pseudo-physical " + Hex.of(pfn << 12) + ")";
        if (l.mfn().isPresent()) {
            long mfn = l.mfn().getAsLong();
            return new XenLookup(l.mfn(), l.kind().id(), head + " → mfn " + Hex.of(mfn) + " (machine " + Hex.of(mfn << 12)
                    + "), " + l.kind().id() + ", " + l.explanation());
        }
        return new XenLookup(OptionalLong.empty(), l.kind().id(), head + " has no machine frame: " + l.kind().id()
                + ", " + l.explanation());
    }

    /** mfn → pfn: dom0's p2m inverse first, then what Xen's m2p says of the frame. */
    static XenLookup ofMfn(P2mMap map, Optional<XenM2p> m2p, long mfn) {
        String head = "mfn " + Hex.of(mfn) + " (machine " + Hex.of(mfn << 12) + ")";
        OptionalLong pfn = map.pfn(mfn);
        String table = m2p.map(t -> "; Xen's " + t.lookup(mfn)).orElse("; Xen's m2p is not readable in this dump");
        if (pfn.isPresent()) {
            String kind = map.lookup(pfn.getAsLong()).kind().id();
            return new XenLookup(pfn, kind, head + " → pfn " + Hex.of(pfn.getAsLong()) + " of dom0 (" + kind + ")" + table);
        }
        return new XenLookup(OptionalLong.empty(), "none", head + " backs no pfn of dom0's p2m" + table);
    }
}
