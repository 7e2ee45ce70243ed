package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Linux's p2m tree, as the domain publishes it for tools and crash dumps: the frame-list-list page
 * ({@code pfn_to_mfn_frame_list_list}, an MFN) lists frame-list pages, each lists p2m leaf pages,
 * each holds 512 entries. It is walked as {@link P2mEntryFormat#TREE} in machine memory, so it reaches
 * at most 2^27 pfns.
 */
public final class TreeP2m implements P2m {
    /** Pfns three levels of 512 entries reach. */
    public static final long REACH = 1L << 27;

    private final Memory machine;
    private final long frameListList;
    private final MaxPfn maxPfn;
    private final ByteOrder order;
    private final String source;
    private final PageTableWalker walker;

    /**
     * @param frameListList the frame-list-list's machine frame number
     * @param source        the dump, for messages
     */
    public TreeP2m(Memory machine, long frameListList, MaxPfn maxPfn, ByteOrder order, String source) {
        this.machine = machine;
        this.frameListList = frameListList;
        this.maxPfn = maxPfn;
        this.order = order;
        this.source = source;
        this.walker = new PageTableWalker(machine, P2mEntryFormat.TREE, order);
    }

    @Override
    public String layout() {
        return "tree";
    }

    @Override
    public MaxPfn maxPfn() {
        return maxPfn;
    }

    public long frameListList() {
        return frameListList;
    }

    @Override
    public P2mLookup lookup(long pfn) {
        if (pfn < 0 || pfn >= REACH) {
            return P2mLookup.none(pfn, P2mKind.UNREACHABLE, "the tree's three levels of 512 entries reach pfns below "
                    + Hex.of(REACH), Optional.empty());
        }
        Translation t = walker.walk(frameListList << 12, pfn << 12);
        if (t.result() instanceof WalkResult.Fault f) {
            boolean leafEntry = f.kind() == dev.vmscope.core.xlat.FaultKind.NOT_PRESENT && "p2m".equals(f.level());
            return P2mLookup.none(pfn, leafEntry ? P2mKind.INVALID : P2mKind.UNREACHABLE, f.reason() + ": " + f.detail(), Optional.of(t));
        }
        WalkStep last = t.steps().getLast();
        P2mEntry e = P2mEntry.decode(last.entry(), pfn);
        if (!e.kind().backed()) {
            return P2mLookup.none(pfn, e.kind(), "p2m[" + last.index() + "] = " + Hex.of(last.entry()), Optional.of(t));
        }
        long mfn = e.mfn().getAsLong();
        WalkResult.Mapped m = (WalkResult.Mapped) t.result();
        Translation fixed = new Translation(t.virtualAddress(), t.root(), t.mode(), t.steps(),
                new WalkResult.Mapped(mfn << 12, m.pageSize(), m.permissions()));
        return P2mLookup.backed(pfn, e.kind(), mfn, "p2m[" + last.index() + "] = " + Hex.of(last.entry()), Optional.of(fixed));
    }

    @Override
    public P2mMap enumerate(Progress progress, P2mLimits limits) {
        Lists lists = new Lists();
        return LeafScan.scan(layout(), maxPfn, REACH, "past the " + Hex.of(REACH) + " pfns a three-level tree reaches",
                lists::leaf, machine, order, progress, source, limits);
    }

    /**
     * The end of the tree's last leaf that holds anything but ~0 (a multiple of 512), or 0: how far the tree
     * was built, found from the top down. Each list and leaf page is read and judged once, so a tree whose
     * lists all name the same pages costs no more than one that names each once.
     */
    public long filledExtent() {
        Lists lists = new Lists();
        Map<Long, Boolean> emptyLeaf = new HashMap<>();
        Map<Long, Integer> lastFilled = new HashMap<>();
        for (int t = LeafScan.ENTRIES - 1; t >= 0; t--) {
            long first = (long) t * LeafScan.ENTRIES;
            if (lists.leaf(first) instanceof LeafScan.Leaf.Missing miss && miss.slots() >= LeafScan.ENTRIES) {
                continue; // no frame list for this group of slots
            }
            int m = lastFilled.computeIfAbsent(lists.frameList(t), mid -> lastFilledLeaf(lists, first, emptyLeaf));
            if (m >= 0) {
                return (first + m + 1) * LeafScan.ENTRIES;
            }
        }
        return 0;
    }

    /** The index of the last leaf under the frame list of slot {@code first} that holds anything but ~0, or -1. */
    private int lastFilledLeaf(Lists lists, long first, Map<Long, Boolean> emptyLeaf) {
        for (int i = LeafScan.ENTRIES - 1; i >= 0; i--) {
            if (lists.leaf(first + i) instanceof LeafScan.Leaf.At at && !emptyLeaf.computeIfAbsent(at.machine(), this::allInvalid)) {
                return i;
            }
        }
        return -1;
    }

    private boolean allInvalid(long leaf) {
        LeafPage page = LeafPage.read(machine, leaf, order);
        return page.empty() || page.unreadable();
    }

    /** The upper two levels, each page read once. */
    private final class Lists {
        /** A list page's entries, or why it cannot be read. */
        private record Page(long[] entries, String problem) {
        }

        private Page top;
        /** Frame-list pages by machine frame: several frame-list-list entries may name one. */
        private final Map<Long, Page> mids = new HashMap<>();
        /** The frames of the upper levels: a leaf there would make the tree refer back to itself. */
        private final java.util.Set<Long> lists = new java.util.HashSet<>();

        /** The frame-list-list entry of group {@code t} (slots {@code 512·t} on); only after a {@link #leaf} of the group. */
        long frameList(int t) {
            return top.entries()[t];
        }

        LeafScan.Leaf leaf(long slot) {
            int t = (int) (slot / LeafScan.ENTRIES);
            int m = (int) (slot % LeafScan.ENTRIES);
            if (top == null) {
                top = read(frameListList, "frame-list-list");
                lists.add(frameListList);
                if (top.problem() == null) {
                    for (long e : top.entries()) {
                        lists.add(e);
                    }
                }
            }
            if (top.problem() != null) {
                return new LeafScan.Leaf.Missing(top.problem(), REACH / LeafScan.ENTRIES - slot);
            }
            long mid = top.entries()[t];
            long rest = LeafScan.ENTRIES - m;
            if (!P2mEntryFormat.TREE.entries().decode(mid, 0, P2mEntryFormat.FORM).present()) {
                return new LeafScan.Leaf.Missing("its frame-list-list entry " + Hex.of(mid) + " names no frame list", rest);
            }
            if (mid == frameListList) {
                return new LeafScan.Leaf.Missing("its frame-list-list entry names the frame-list-list itself (a loop)", rest);
            }
            Page midPage = mids.computeIfAbsent(mid, i -> read(mid, "frame list"));
            if (midPage.problem() != null) {
                return new LeafScan.Leaf.Missing(midPage.problem(), rest);
            }
            long leaf = midPage.entries()[m];
            if (!P2mEntryFormat.TREE.entries().decode(leaf, 1, P2mEntryFormat.FORM).present()) {
                return new LeafScan.Leaf.Missing("its frame-list entry " + Hex.of(leaf) + " names no p2m page");
            }
            if (lists.contains(leaf)) {
                return new LeafScan.Leaf.Missing("its p2m page " + Hex.of(leaf) + " is one of the tree's own list pages (a loop)");
            }
            return new LeafScan.Leaf.At(leaf << 12);
        }

        private Page read(long mfn, String what) {
            byte[] page = new byte[LeafScan.ENTRIES * 8];
            try {
                machine.read(mfn << 12, page, 0, page.length);
            } catch (MemoryAccessException e) {
                return new Page(null, what + " page at machine " + Hex.of(mfn << 12) + " is " + e.reason().words());
            }
            long[] entries = new long[LeafScan.ENTRIES];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = Bytes.u64(page, i * 8, order);
            }
            return new Page(entries, null);
        }
    }
}
