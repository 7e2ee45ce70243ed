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
import java.util.Arrays;
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

    /** Whether a leaf page holds only ~0 (or cannot be read), stopping at its first other entry. */
    private boolean allInvalid(long leaf) {
        byte[] page = new byte[LeafScan.ENTRIES * 8];
        try {
            machine.read(leaf, page, 0, page.length);
        } catch (MemoryAccessException e) {
            return true;
        }
        for (int i = 0; i < page.length; i += 8) {
            if (Bytes.u64(page, i, order) != P2mEntry.INVALID) {
                return false;
            }
        }
        return true;
    }

    /** The upper two levels, each page read once. */
    /**
     * A frame-list entry that names no leaf page: one reason for all of them, without the entry's value, so
     * that a frame list of garbage is one gap rather than 512.
     */
    private static final LeafScan.Leaf.Missing NO_LEAF =
            new LeafScan.Leaf.Missing("its frame-list entry names no p2m page (it is ~0, 0 or wider than 40 bits)");

    private final class Lists {
        /** A frame-list-list entry that names no frame list, one reason for all (as {@link #NO_LEAF}). */
        private static final FrameList NO_FRAME_LIST =
                FrameList.none("its frame-list-list entry names no frame list (it is ~0, 0 or wider than 40 bits)");

        /** A list page's entries, or why it cannot be read. */
        private record Page(long[] entries, String problem) {
        }

        /** The 512 leaves under one frame-list-list entry, each judged once, or why none of them is there. */
        private record FrameList(LeafScan.Leaf[] leaves, LeafScan.Leaf.Missing missing) {
            static FrameList none(String reason) {
                return new FrameList(null, new LeafScan.Leaf.Missing(reason, LeafScan.ENTRIES));
            }
        }

        private Page top;
        /** Per frame-list-list entry, judged on first use. */
        private final FrameList[] groups = new FrameList[LeafScan.ENTRIES];
        /** Frame-list pages by machine frame: several frame-list-list entries may name one. */
        private final Map<Long, FrameList> mids = new HashMap<>();
        /** The frames of the upper levels, sorted: a leaf there would make the tree refer back to itself. */
        private long[] lists;

        /** The frame-list-list entry of group {@code t} (slots {@code 512·t} on); only after a {@link #leaf} of the group. */
        long frameList(int t) {
            return top.entries()[t];
        }

        LeafScan.Leaf leaf(long slot) {
            int t = (int) (slot / LeafScan.ENTRIES);
            int m = (int) (slot % LeafScan.ENTRIES);
            if (top == null) {
                top = read(frameListList, "frame-list-list");
                if (top.problem() == null) {
                    lists = Arrays.copyOf(top.entries(), LeafScan.ENTRIES + 1);
                    lists[LeafScan.ENTRIES] = frameListList;
                    Arrays.sort(lists);
                }
            }
            if (top.problem() != null) {
                return new LeafScan.Leaf.Missing(top.problem(), REACH / LeafScan.ENTRIES - slot);
            }
            if (groups[t] == null) {
                groups[t] = group(top.entries()[t]);
            }
            LeafScan.Leaf.Missing none = groups[t].missing();
            if (none != null) {
                return m == 0 ? none : new LeafScan.Leaf.Missing(none.reason(), LeafScan.ENTRIES - m);
            }
            return groups[t].leaves()[m];
        }

        /** The frame list a frame-list-list entry names, or why its 512 slots have no leaves. */
        private FrameList group(long mid) {
            if (!P2mEntryFormat.namesFrame(mid)) {
                return NO_FRAME_LIST;
            }
            if (mid == frameListList) {
                return FrameList.none("its frame-list-list entry names the frame-list-list itself (a loop)");
            }
            return mids.computeIfAbsent(mid, this::frameListAt);
        }

        private FrameList frameListAt(long mid) {
            Page page = read(mid, "frame list");
            if (page.problem() != null) {
                return FrameList.none(page.problem());
            }
            LeafScan.Leaf[] leaves = new LeafScan.Leaf[LeafScan.ENTRIES];
            for (int m = 0; m < leaves.length; m++) {
                long leaf = page.entries()[m];
                if (!P2mEntryFormat.namesFrame(leaf)) {
                    leaves[m] = NO_LEAF;
                } else if (Arrays.binarySearch(lists, leaf) >= 0) {
                    leaves[m] = new LeafScan.Leaf.Missing("its p2m page " + Hex.of(leaf) + " is one of the tree's own list pages (a loop)");
                } else {
                    leaves[m] = new LeafScan.Leaf.At(leaf << 12);
                }
            }
            return new FrameList(leaves, null);
        }

        private Page read(long mfn, String what) {
            byte[] page = new byte[LeafScan.ENTRIES * 8];
            try {
                machine.read(mfn << 12, page, 0, page.length);
            } catch (MemoryAccessException e) {
                return new Page(null, what + " page at machine " + Hex.of(mfn << 12) + " is " + e.reason().words());
            }
            return new Page(Bytes.u64s(page, order), null);
        }
    }
}
