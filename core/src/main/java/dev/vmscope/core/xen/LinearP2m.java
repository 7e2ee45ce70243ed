package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The linear p2m: one array of 8-byte entries indexed by pfn in the guest's own virtual memory, at
 * {@code p2m_vaddr} in the address space whose root is {@code p2m_cr3} ({@code arch_shared_info}).
 * A guest publishes it (and ~0 as its frame-list-list) when its p2m outgrows the three-level tree.
 * The guest's page tables hold machine frames, so the list is found by an ordinary walk in machine memory.
 */
public final class LinearP2m implements P2m {
    private final Memory machine;
    private final long p2mCr3;
    private final long p2mVaddr;
    private final MaxPfn maxPfn;
    private final ByteOrder order;
    private final String source;
    private final PageTableWalker walker;

    /**
     * @param p2mCr3   the CR3 value of the address space that maps the list (a machine address)
     * @param p2mVaddr the list's virtual address, page aligned
     * @param mode     the guest's paging mode (x86-64 4-level for a 64-bit PV guest)
     */
    public LinearP2m(Memory machine, long p2mCr3, long p2mVaddr, MaxPfn maxPfn, PagingMode mode, ByteOrder order, String source) {
        if ((p2mVaddr & 0xfff) != 0) {
            throw new IllegalArgumentException("p2m_vaddr " + Hex.of(p2mVaddr) + " is not page aligned");
        }
        this.machine = machine;
        this.p2mCr3 = p2mCr3;
        this.p2mVaddr = p2mVaddr;
        this.maxPfn = maxPfn;
        this.order = order;
        this.source = source;
        this.walker = new PageTableWalker(machine, mode, order);
    }

    @Override
    public String layout() {
        return "linear";
    }

    @Override
    public MaxPfn maxPfn() {
        return maxPfn;
    }

    public long p2mCr3() {
        return p2mCr3;
    }

    public long p2mVaddr() {
        return p2mVaddr;
    }

    /** Looks the pfn up; the walk is the page-table walk to the pfn's entry, whose result is the entry's machine address. */
    @Override
    public P2mLookup lookup(long pfn) {
        if (pfn < 0 || pfn >= LeafScan.MAX_PFNS << 9) {
            return P2mLookup.none(pfn, P2mKind.UNREACHABLE, "pfn beyond any linear p2m", Optional.empty());
        }
        long va = p2mVaddr + pfn * 8;
        Translation t = walker.walk(p2mCr3, va);
        if (t.result() instanceof WalkResult.Fault f) {
            return P2mLookup.none(pfn, P2mKind.UNREACHABLE, "the list's entry at virtual " + Hex.of(va) + ": "
                    + f.reason() + " (" + f.detail() + ")", Optional.of(t));
        }
        long at = ((WalkResult.Mapped) t.result()).address();
        long raw;
        try {
            raw = machine.readLong(at, order);
        } catch (MemoryAccessException e) {
            return P2mLookup.none(pfn, P2mKind.UNREACHABLE, "the list's entry at machine " + Hex.of(at) + " is "
                    + e.reason().words(), Optional.of(t));
        }
        P2mEntry e = P2mEntry.decode(raw, pfn);
        String what = "entry at virtual " + Hex.of(va) + " (machine " + Hex.of(at) + ") = " + Hex.of(raw);
        return e.kind().backed()
                ? P2mLookup.backed(pfn, e.kind(), e.mfn().getAsLong(), what, Optional.of(t))
                : P2mLookup.none(pfn, e.kind(), what, Optional.of(t));
    }

    @Override
    public P2mMap enumerate(Progress progress, P2mLimits limits) {
        return LeafScan.scan(layout(), maxPfn, Long.MAX_VALUE, "", this::leaf, machine, order, progress, source, limits);
    }

    /** The list's page for pfns {@code [512·slot, 512·slot+512)}; a fault stands for every page under the entry that faulted. */
    private LeafScan.Leaf leaf(long slot) {
        long va = p2mVaddr + slot * 4096;
        Translation t = walker.walk(p2mCr3, va);
        if (t.result() instanceof WalkResult.Mapped m) {
            return new LeafScan.Leaf.At(m.address());
        }
        WalkResult.Fault f = (WalkResult.Fault) t.result();
        long slots = 1;
        if (!t.steps().isEmpty()) {
            long covered = t.mode().form().mappedBy(t.steps().size() - 1);
            slots = (covered - (va & (covered - 1))) / 4096;
        }
        return new LeafScan.Leaf.Missing("its page of the list (at p2m_vaddr + 8 * pfn) cannot be reached: " + f.reason(), slots);
    }
}
