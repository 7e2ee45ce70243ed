package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One leaf page of 512 p2m entries, read once and decoded into its pieces (runs of consecutive frames of one
 * kind, stretches of invalid entries) relative to the page's first pfn, or why it cannot be read. A page that
 * serves many slots (Linux shares one page of ~0 entries and one of identity entries) then costs one read and
 * a few pieces per slot instead of 512 decodes.
 */
final class LeafPage {
    private static final P2mKind[] KINDS = P2mKind.values();
    private static final String INVALID_REASON = "p2m entry is ~0 (invalid)";

    private final String problem;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] mfns;
    private final byte[] kinds;
    private final boolean empty;
    private final boolean identity;

    private LeafPage(String problem, int[] offsets, int[] lengths, long[] mfns, byte[] kinds, boolean empty, boolean identity) {
        this.problem = problem;
        this.offsets = offsets;
        this.lengths = lengths;
        this.mfns = mfns;
        this.kinds = kinds;
        this.empty = empty;
        this.identity = identity;
    }

    /** The page at machine address {@code at}. */
    static LeafPage read(Memory machine, long at, ByteOrder order) {
        byte[] page;
        try {
            page = machine.read(at, LeafScan.ENTRIES * 8);
        } catch (MemoryAccessException e) {
            return new LeafPage("leaf page at machine " + Hex.of(at) + " is " + e.reason().words(),
                    new int[0], new int[0], new long[0], new byte[0], false, false);
        }
        int[] offsets = new int[LeafScan.ENTRIES];
        int[] lengths = new int[LeafScan.ENTRIES];
        long[] mfns = new long[LeafScan.ENTRIES];
        byte[] kinds = new byte[LeafScan.ENTRIES];
        int n = 0;
        boolean empty = true;
        boolean identity = true;
        long[] entries = Bytes.u64s(page, order);
        for (int i = 0; i < LeafScan.ENTRIES; i++) {
            long raw = entries[i];
            empty &= raw == P2mEntry.INVALID;
            identity &= raw != P2mEntry.INVALID && (raw & (P2mEntry.IDENTITY_BIT | P2mEntry.FOREIGN_BIT)) == P2mEntry.IDENTITY_BIT;
            // relative to the page: an identity entry's frame is its offset here, the pfn's when applied
            P2mKind kind = P2mEntry.kind(raw, i);
            long mfn = kind.backed() ? P2mEntry.frame(raw, i) : 0;
            if (n > 0 && kinds[n - 1] == kind.ordinal() && mfn == mfns[n - 1] + (kind.backed() ? lengths[n - 1] : 0)) {
                lengths[n - 1]++;
            } else {
                offsets[n] = i;
                lengths[n] = 1;
                mfns[n] = mfn;
                kinds[n] = (byte) kind.ordinal();
                n++;
            }
        }
        return new LeafPage(null, Arrays.copyOf(offsets, n), Arrays.copyOf(lengths, n), Arrays.copyOf(mfns, n),
                Arrays.copyOf(kinds, n), empty, identity);
    }

    /** Every entry is ~0 (Linux's shared {@code p2m_missing} page looks so). */
    boolean empty() {
        return empty;
    }

    /** Read, neither all ~0 nor all identity: a shared page of this kind is not one Linux makes. */
    boolean mixed() {
        return problem == null && !empty && !identity;
    }

    /** Adds pfns {@code [first, end)} (at most 512, the page's first entry being {@code first}'s). */
    void addTo(P2mMapBuilder out, long first, long end) {
        if (problem != null) {
            out.gap(first, end, P2mKind.UNREACHABLE, problem);
            return;
        }
        int limit = (int) (end - first);
        for (int p = 0; p < offsets.length && offsets[p] < limit; p++) {
            long pfn = first + offsets[p];
            int length = Math.min(lengths[p], limit - offsets[p]);
            P2mKind kind = KINDS[kinds[p]];
            if (!kind.backed()) {
                out.gap(pfn, pfn + length, kind, INVALID_REASON);
            } else {
                out.run(pfn, kind == P2mKind.IDENTITY ? first + mfns[p] : mfns[p], length, kind);
            }
        }
    }
}
