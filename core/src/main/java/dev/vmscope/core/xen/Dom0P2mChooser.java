package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.x86.X86_64Entry;

import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * Picks dom0's p2m layout in a Xen host dump and where its max_pfn comes from. The frame-list-list of
 * the crash note ({@code crash_xen_info_t}) gives the tree; ~0 there means the p2m is only linear, found
 * at {@code p2m_vaddr} through {@code p2m_cr3} of dom0's {@code arch_shared_info}. max_pfn is
 * {@code arch_shared_info.max_pfn}, which Linux keeps equal to the pfns its p2m holds; without the
 * shared-info page the tree's own extent (the end of its last filled leaf) stands in, and says so.
 */
final class Dom0P2mChooser {
    private Dom0P2mChooser() {
    }

    static Finding<P2m> choose(Memory machine, XenFacts facts, Finding<ArchSharedInfo> shared, ByteOrder order, String source) {
        OptionalLong fll = facts.frameListList();
        MaxPfn fromShared = shared.value().map(a -> new MaxPfn(a.maxPfn(), "arch_shared_info.max_pfn in dom0's shared-info page at machine "
                + Hex.of(a.sharedInfo().value()))).orElse(null);
        if (fll.isPresent() && fll.getAsLong() != P2mEntry.INVALID) {
            if (fll.getAsLong() <= 0 || fll.getAsLong() > P2mEntry.MAX_MFN) {
                return Finding.missing("the crash note's frame-list-list " + Hex.of(fll.getAsLong()) + " is not a machine frame number");
            }
            MaxPfn max = fromShared != null ? fromShared : treeExtent(machine, fll.getAsLong(), order, source, shared.explanation());
            return Finding.found(new TreeP2m(machine, fll.getAsLong(), max, order, source),
                    "tree from the crash note's frame-list-list " + Hex.of(fll.getAsLong()) + "; max_pfn from " + max.origin());
        }
        if (shared.value().isEmpty()) {
            return Finding.missing((fll.isPresent() ? "the crash note's frame-list-list is ~0 (a linear p2m)"
                    : "the dump has no dom0 frame-list-list (crash_xen_info_t of 8 words)")
                    + " and dom0's shared-info page was not found: " + shared.explanation());
        }
        ArchSharedInfo a = shared.value().get();
        if (!a.linearOnly()) {
            return Finding.found(new TreeP2m(machine, a.frameListList(), fromShared, order, source),
                    "tree from arch_shared_info's frame-list-list " + Hex.of(a.frameListList()));
        }
        if (a.p2mVaddr() == 0 || (a.p2mVaddr() & 0xfff) != 0 || a.p2mCr3() == 0) {
            return Finding.missing("dom0 publishes no frame-list tree and no usable linear p2m (p2m_cr3 " + Hex.of(a.p2mCr3())
                    + ", p2m_vaddr " + Hex.of(a.p2mVaddr()) + ")");
        }
        return Finding.found(new LinearP2m(machine, a.p2mCr3(), a.p2mVaddr(), fromShared,
                        PagingModes.x86_64(false, X86_64Entry.standard()), order, source),
                "linear list at virtual " + Hex.of(a.p2mVaddr()) + " in the address space of CR3 " + Hex.of(a.p2mCr3()));
    }

    /** The end of the tree's last leaf that is not the shared empty page. */
    private static MaxPfn treeExtent(Memory machine, long fll, ByteOrder order, String source, String whyNoShared) {
        long end = new TreeP2m(machine, fll, new MaxPfn(TreeP2m.REACH, "the tree's reach"), order, source).filledExtent();
        return new MaxPfn(end, "the end of the frame-list tree's last filled leaf, as dom0's shared-info page was not found ("
                + whyNoShared + ")");
    }
}
