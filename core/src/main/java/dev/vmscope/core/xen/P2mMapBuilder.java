package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a p2m's entries in ascending pfn order into runs and gaps. Consecutive pfns whose frames are
 * consecutive and of one kind make one run; consecutive pfns without a frame and with the same reason make
 * one gap. The number of runs and gaps is capped ({@link P2mLimits#maxPieces}), and the p2m is refused as soon
 * as the cap is passed, so a hostile or absurdly fragmented p2m cannot make it allocate or work without bound.
 */
final class P2mMapBuilder {
    private final String source;
    private final int maxPieces;
    private final RunTable runs = new RunTable();
    private final List<PfnRange> gaps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long runPfn = -1;
    private long runMfn;
    private long runCount;
    private P2mKind runKind;
    private long gapStart = -1;
    private long gapEnd;
    private P2mKind gapKind;
    private String gapReason;
    private long next;

    /** @param source the dump, for the message when the cap is reached */
    P2mMapBuilder(String source, P2mLimits limits) {
        this.source = source;
        this.maxPieces = limits.maxPieces();
    }

    /** Adds the entry of the next pfn. */
    void entry(long pfn, P2mEntry e) {
        if (e.kind().backed()) {
            frame(pfn, e.mfn().getAsLong(), e.kind());
        } else {
            gap(pfn, pfn + 1, e.kind(), e.kind() == P2mKind.INVALID ? "p2m entry is ~0 (invalid)" : "not reached");
        }
    }

    void frame(long pfn, long mfn, P2mKind kind) {
        run(pfn, mfn, 1, kind);
    }

    /** Adds pfns {@code [pfn, pfn + count)} backed by frames {@code [mfn, mfn + count)}, all of one kind. */
    void run(long pfn, long mfn, long count, P2mKind kind) {
        order(pfn);
        closeGap();
        if (runPfn >= 0 && kind == runKind && pfn == runPfn + runCount && mfn == runMfn + runCount) {
            runCount += count;
        } else {
            closeRun();
            runPfn = pfn;
            runMfn = mfn;
            runCount = count;
            runKind = kind;
        }
        next = pfn + count;
    }

    /** Adds pfns {@code [start, end)} that have no frame, for one reason. */
    void gap(long start, long end, P2mKind kind, String reason) {
        order(start);
        closeRun();
        if (gapStart >= 0 && kind == gapKind && reason.equals(gapReason) && start == gapEnd) {
            gapEnd = end;
        } else {
            closeGap();
            gapStart = start;
            gapEnd = end;
            gapKind = kind;
            gapReason = reason;
        }
        next = end;
    }

    void note(String text) {
        if (notes.size() < 64) {
            notes.add(text);
        }
    }

    P2mMap build(String layout, MaxPfn maxPfn) {
        closeRun();
        closeGap();
        return new P2mMap(layout, maxPfn, runs, gaps, notes);
    }

    private void order(long pfn) {
        if (pfn < next) {
            throw new IllegalStateException("p2m entries must come in ascending pfn order: " + Hex.of(pfn) + " after " + Hex.of(next - 1));
        }
    }

    private void closeRun() {
        if (runPfn >= 0) {
            runs.add(runPfn, runMfn, runCount, runKind);
            runPfn = -1;
            checkCap();
        }
    }

    private void closeGap() {
        if (gapStart >= 0) {
            gaps.add(new PfnRange(gapStart, gapEnd, gapKind, gapReason));
            gapStart = -1;
            checkCap();
        }
    }

    private void checkCap() {
        if (runs.size() + gaps.size() > maxPieces) {
            throw new UnsupportedDumpException(source, 0, "a p2m split into more than " + maxPieces + " runs and gaps ("
                    + runs.size() + " runs and " + gaps.size() + " gaps below pfn " + Hex.of(next)
                    + "); a real domain's p2m has a few thousand at most; single lookups still work");
        }
    }
}
