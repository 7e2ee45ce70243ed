package dev.vmscope.app.cli;

import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xlat.MappingRange;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One line of {@code ptdump}: a coalesced range of mappings with its physical address, and, for a Xen PV
 * kernel whose tables hold machine frames, the machine address beside the pseudo-physical one.
 *
 * @param physical the physical (pseudo-physical under Xen) address of {@code start}; empty when no pfn
 *                 of the guest's p2m backs the machine frame
 * @param machine  the machine address of {@code start} under Xen; empty otherwise
 */
record PtdumpRow(MappingRange range, long start, long end, OptionalLong physical, OptionalLong machine) {
    private static final long FRAME = 4096;
    /** Ranges of more frames (64 GiB) are not cut page by page; they keep no pseudo-physical address. */
    private static final long MAX_FRAMES = 1L << 24;

    /** The ranges as they are, for a page table whose entries hold physical addresses. */
    static List<PtdumpRow> of(List<MappingRange> ranges) {
        List<PtdumpRow> out = new ArrayList<>(ranges.size());
        for (MappingRange r : ranges) {
            out.add(new PtdumpRow(r, r.start(), r.end(), OptionalLong.of(r.physical()), OptionalLong.empty()));
        }
        return out;
    }

    /**
     * The ranges of a PV domain's tables (machine addresses), cut where their pseudo-physical addresses
     * stop following each other, so that each row's pseudo-physical range is as contiguous as its machine one.
     * A range of more than {@link #MAX_FRAMES} frames stays whole, without a pseudo-physical address.
     */
    static List<PtdumpRow> of(List<MappingRange> ranges, PvDomain pv) {
        List<PtdumpRow> out = new ArrayList<>(ranges.size());
        for (MappingRange r : ranges) {
            if (Long.compareUnsigned(r.size() / FRAME, MAX_FRAMES) > 0) {
                out.add(new PtdumpRow(r, r.start(), r.end(), OptionalLong.empty(), OptionalLong.of(r.physical())));
                continue;
            }
            long pieceStart = r.start();
            OptionalLong piecePfn = pfn(pv, r.physical());
            for (long off = FRAME; Long.compareUnsigned(off, r.size()) < 0; off += FRAME) {
                OptionalLong pfn = pfn(pv, r.physical() + off);
                long frames = (off - (pieceStart - r.start())) / FRAME;
                boolean follows = piecePfn.isPresent() ? pfn.isPresent() && pfn.getAsLong() == piecePfn.getAsLong() + frames
                        : pfn.isEmpty();
                if (!follows) {
                    out.add(piece(r, pieceStart, r.start() + off, piecePfn));
                    pieceStart = r.start() + off;
                    piecePfn = pfn;
                }
            }
            out.add(piece(r, pieceStart, r.end(), piecePfn));
        }
        return out;
    }

    private static OptionalLong pfn(PvDomain pv, long machineAddress) {
        return pv.map().pfn(machineAddress >>> 12);
    }

    private static PtdumpRow piece(MappingRange r, long start, long end, OptionalLong pfn) {
        long machine = r.physical() + (start - r.start());
        OptionalLong physical = pfn.isPresent() ? OptionalLong.of((pfn.getAsLong() << 12) | (machine & (FRAME - 1)))
                : OptionalLong.empty();
        return new PtdumpRow(r, start, end, physical, OptionalLong.of(machine));
    }

    long size() {
        return end - start;
    }
}
