package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Enumerates a p2m whose entries sit in leaf pages of 512 entries, the leaf of pfns
 * {@code [512·s, 512·s+512)} being found by some structure (the frame-list tree, or the page tables
 * of the linear list). Linux points every leaf slot it did not fill at one shared page of ~0 entries
 * ({@code p2m_missing}): a leaf page that serves more than one slot and holds only ~0 is that page,
 * and the pfns under it are reported as not reached by the structure, not as merely invalid.
 */
final class LeafScan {
    static final int ENTRIES = 512;
    /** No enumeration goes past 2^30 pfns (4 TiB of guest memory). */
    static final long MAX_PFNS = 1L << 30;

    /** Where the leaf page of one slot is, or why there is none. */
    sealed interface Leaf permits Leaf.At, Leaf.Missing {
        /** @param machine the leaf page's machine address */
        record At(long machine) implements Leaf {
        }

        record Missing(String reason) implements Leaf {
        }
    }

    private LeafScan() {
    }

    /**
     * @param reach       pfns the structure can reach at all
     * @param reachReason why pfns from {@code reach} on are not reached, in words
     * @param locate      the leaf of slot {@code s}
     */
    static P2mMap scan(String layout, MaxPfn maxPfn, long reach, String reachReason, LongFunction<Leaf> locate,
                       Memory machine, ByteOrder order, Progress progress, String source) {
        P2mMapBuilder out = new P2mMapBuilder(source);
        long pfns = Math.min(Math.min(maxPfn.value(), reach), MAX_PFNS);
        int slots = (int) ((pfns + ENTRIES - 1) / ENTRIES);
        Leaf[] leaves = new Leaf[slots];
        for (int s = 0; s < slots; s++) {
            leaves[s] = locate.apply(s);
            if ((s & 0x3ff) == 0) {
                progress.update("Locating p2m leaf pages", s, 2L * slots);
                progress.checkCancelled();
            }
        }
        Reader reader = new Reader(machine, order, sharedFrames(leaves), out);
        for (int s = 0; s < slots; s++) {
            if ((s & 0xff) == 0) {
                progress.update("Reading p2m leaf pages", slots + (long) s, 2L * slots);
                progress.checkCancelled();
            }
            reader.slot(leaves[s], (long) s * ENTRIES, Math.min(pfns, (long) s * ENTRIES + ENTRIES));
        }
        progress.update("Reading p2m leaf pages", 2L * slots, 2L * slots);
        if (maxPfn.value() > pfns) {
            out.gap(pfns, maxPfn.value(), P2mKind.UNREACHABLE, pfns == reach ? reachReason
                    : "not enumerated: enumeration stops at " + Hex.of(MAX_PFNS) + " pfns");
        }
        reader.noteMixedSharedPages();
        return out.build(layout, maxPfn);
    }

    /** Reads the leaf page of each slot into the builder, once per shared page to classify it. */
    private static final class Reader {
        private final Memory machine;
        private final ByteOrder order;
        private final Set<Long> shared;
        private final P2mMapBuilder out;
        private final Map<Long, Shared> sharedKinds = new HashMap<>();
        private final byte[] page = new byte[ENTRIES * 8];

        Reader(Memory machine, ByteOrder order, Set<Long> shared, P2mMapBuilder out) {
            this.machine = machine;
            this.order = order;
            this.shared = shared;
            this.out = out;
        }

        /** Pfns {@code [first, end)} under one leaf slot. */
        void slot(Leaf leaf, long first, long end) {
            if (leaf instanceof Leaf.Missing m) {
                out.gap(first, end, P2mKind.UNREACHABLE, m.reason());
                return;
            }
            long at = ((Leaf.At) leaf).machine();
            if (shared.contains(at) && sharedKinds.computeIfAbsent(at, a -> Shared.of(machine, a, order)) == Shared.EMPTY) {
                out.gap(first, end, P2mKind.UNREACHABLE, "its leaf is the shared page of ~0 entries at machine " + Hex.of(at)
                        + " that fills slots the p2m was not built for");
                return;
            }
            try {
                machine.read(at, page, 0, page.length);
            } catch (MemoryAccessException e) {
                out.gap(first, end, P2mKind.UNREACHABLE, "leaf page at machine " + Hex.of(at) + " is " + e.reason().words());
                return;
            }
            for (long pfn = first; pfn < end; pfn++) {
                out.entry(pfn, P2mEntry.decode(Bytes.u64(page, (int) (pfn - first) * 8, order), pfn));
            }
        }

        void noteMixedSharedPages() {
            sharedKinds.forEach((at, kind) -> {
                if (kind == Shared.MIXED) {
                    out.note("the leaf page at machine " + Hex.of(at) + " serves several pfn ranges and maps frames other than 1:1");
                }
            });
        }
    }

    /** Leaf pages named by more than one slot. */
    private static Set<Long> sharedFrames(Leaf[] leaves) {
        long[] at = Arrays.stream(leaves).filter(l -> l instanceof Leaf.At).mapToLong(l -> ((Leaf.At) l).machine()).sorted().toArray();
        Set<Long> shared = new HashSet<>();
        for (int i = 1; i < at.length; i++) {
            if (at[i] == at[i - 1]) {
                shared.add(at[i]);
            }
        }
        return shared;
    }

    /** What a leaf page shared by several slots holds: Linux shares only an all-~0 and an all-identity page. */
    private enum Shared {
        EMPTY, IDENTITY, MIXED, UNREADABLE;

        static Shared of(Memory machine, long at, ByteOrder order) {
            byte[] page;
            try {
                page = machine.read(at, ENTRIES * 8);
            } catch (MemoryAccessException e) {
                return UNREADABLE;
            }
            boolean empty = true;
            boolean identity = true;
            for (int i = 0; i < ENTRIES; i++) {
                long e = Bytes.u64(page, i * 8, order);
                empty &= e == P2mEntry.INVALID;
                identity &= e != P2mEntry.INVALID && (e & (P2mEntry.IDENTITY_BIT | P2mEntry.FOREIGN_BIT)) == P2mEntry.IDENTITY_BIT;
            }
            return empty ? EMPTY : identity ? IDENTITY : MIXED;
        }
    }
}
