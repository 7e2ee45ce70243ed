package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Enumerates a p2m whose entries sit in leaf pages of 512 entries, the leaf of pfns
 * {@code [512·s, 512·s+512)} being found by some structure (the frame-list tree, or the page tables
 * of the linear list). Linux points every leaf slot it did not fill at one shared page of ~0 entries
 * ({@code p2m_missing}): a leaf page that serves more than one slot and holds only ~0 is that page,
 * and the pfns under it are reported as not reached by the structure, not as merely invalid.
 * <p>
 * The cost is bounded by the structure, not by max_pfn: a missing upper level skips all the slots under it
 * at once, a page that serves several slots is read and decoded once, and each slot then costs as many
 * steps as its page has pieces, which the {@link P2mLimits#maxPieces} cap bounds.
 */
final class LeafScan {
    static final int ENTRIES = 512;
    /** The most pfns any linear p2m can hold: 2^30 (4 TiB of guest memory), {@link P2mLimits#DEFAULT}'s bound. */
    static final long MAX_PFNS = 1L << 30;

    /** Where the leaf page of one slot is, or why there is none. */
    sealed interface Leaf permits Leaf.At, Leaf.Missing {
        /** @param machine the leaf page's machine address */
        record At(long machine) implements Leaf {
        }

        /**
         * @param slots how many slots from this one on have no leaf for the same reason (a missing upper-level
         *              entry or table stands for all the slots under it), at least 1
         */
        record Missing(String reason, long slots) implements Leaf {
            public Missing {
                if (slots < 1) {
                    throw new IllegalArgumentException("a missing leaf stands for at least its own slot");
                }
            }

            Missing(String reason) {
                this(reason, 1);
            }
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
                       Memory machine, ByteOrder order, Progress progress, String source, P2mLimits limits) {
        P2mMapBuilder out = new P2mMapBuilder(source, limits);
        long pfns = Math.min(Math.min(maxPfn.value(), reach), limits.maxPfns());
        long slots = (pfns + ENTRIES - 1) / ENTRIES;
        Reader reader = new Reader(machine, order, sharedFrames(locate, slots, progress), out);
        long steps = 0;
        for (long s = 0; s < slots; steps++) {
            if ((steps & 0xff) == 0) {
                progress.update("Reading p2m leaf pages", slots + s, 2L * slots);
                progress.checkCancelled();
            }
            Leaf leaf = locate.apply(s);
            long span = leaf instanceof Leaf.Missing m ? Math.min(m.slots(), slots - s) : 1;
            reader.slots(leaf, s * ENTRIES, Math.min(pfns, (s + span) * ENTRIES));
            s += span;
        }
        progress.update("Reading p2m leaf pages", 2L * slots, 2L * slots);
        if (maxPfn.value() > pfns) {
            out.gap(pfns, maxPfn.value(), P2mKind.UNREACHABLE, pfns == reach ? reachReason
                    : "not enumerated: enumeration stops at " + Hex.of(limits.maxPfns()) + " pfns");
        }
        reader.noteMixedSharedPages();
        return out.build(layout, maxPfn);
    }

    /** Leaf pages named by more than one slot, sorted, found by a first pass over the structure. */
    private static long[] sharedFrames(LongFunction<Leaf> locate, long slots, Progress progress) {
        long[] at = new long[16];
        int n = 0;
        long steps = 0;
        for (long s = 0; s < slots; steps++) {
            if ((steps & 0x3ff) == 0) {
                progress.update("Locating p2m leaf pages", s, 2L * slots);
                progress.checkCancelled();
            }
            Leaf leaf = locate.apply(s);
            if (leaf instanceof Leaf.At a) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, n * 2);
                }
                at[n++] = a.machine();
                s++;
            } else {
                s += ((Leaf.Missing) leaf).slots();
            }
        }
        Arrays.sort(at, 0, n);
        int shared = 0;
        for (int i = 1; i < n; i++) {
            if (at[i] == at[i - 1] && (shared == 0 || at[shared - 1] != at[i])) {
                at[shared++] = at[i];
            }
        }
        return Arrays.copyOf(at, shared);
    }

    /** Reads the leaf page of each slot into the builder, a shared page once. */
    private static final class Reader {
        private final Memory machine;
        private final ByteOrder order;
        private final long[] shared;
        private final P2mMapBuilder out;
        private final Map<Long, LeafPage> sharedPages = new HashMap<>();

        Reader(Memory machine, ByteOrder order, long[] shared, P2mMapBuilder out) {
            this.machine = machine;
            this.order = order;
            this.shared = shared;
            this.out = out;
        }

        /** Pfns {@code [first, end)}: one slot's under a leaf page, any number under a missing one. */
        void slots(Leaf leaf, long first, long end) {
            if (leaf instanceof Leaf.Missing m) {
                out.gap(first, end, P2mKind.UNREACHABLE, m.reason());
                return;
            }
            long at = ((Leaf.At) leaf).machine();
            if (Arrays.binarySearch(shared, at) < 0) {
                LeafPage.read(machine, at, order).addTo(out, first, end);
                return;
            }
            LeafPage page = sharedPages.computeIfAbsent(at, a -> LeafPage.read(machine, a, order));
            if (page.empty()) {
                out.gap(first, end, P2mKind.UNREACHABLE, "its leaf is the shared page of ~0 entries at machine " + Hex.of(at)
                        + " that fills slots the p2m was not built for");
            } else {
                page.addTo(out, first, end);
            }
        }

        void noteMixedSharedPages() {
            sharedPages.forEach((at, page) -> {
                if (page.mixed()) {
                    out.note("the leaf page at machine " + Hex.of(at) + " serves several pfn ranges and maps frames other than 1:1");
                }
            });
        }
    }
}
