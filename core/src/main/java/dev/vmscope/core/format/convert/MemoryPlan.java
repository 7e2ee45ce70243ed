package dev.vmscope.core.format.convert;

import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Which memory a conversion writes, as runs of adjoining ranges: RAM is read; a zero range (an ELF
 * segment's tail, say) is zeros; an excluded range is left out, cutting the run, or written as zeros on
 * request; holes and reserved ranges are never written.
 */
final class MemoryPlan {

    /**
     * One run of adjoining memory {@code [start, end)}; its bytes up to {@code dataEnd} must be written
     * (the rest is zeros that an ELF segment can leave to {@code p_memsz}).
     */
    record Run(long start, long end, long dataEnd, List<PageStream.Span> spans) {
        Run {
            spans = List.copyOf(spans);
        }
    }

    private MemoryPlan() {
    }

    static List<Run> runs(Memory memory, boolean zeroFillExcluded) {
        List<Run> out = new ArrayList<>();
        List<PageStream.Span> spans = new ArrayList<>();
        long start = 0;
        long end = 0;
        long dataEnd = 0;
        boolean open = false;
        for (MemoryRange r : memory.ranges()) {
            boolean written = r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO
                    || (r.kind() == RangeKind.EXCLUDED && zeroFillExcluded);
            if (!written || (open && r.start() != end)) {
                if (open) {
                    out.add(close(start, end, dataEnd, spans));
                    spans = new ArrayList<>();
                    open = false;
                }
                if (!written) {
                    continue;
                }
            }
            if (!open) {
                start = r.start();
                dataEnd = r.start();
                open = true;
            }
            spans.add(new PageStream.Span(r.start(), r.end(), r.kind() != RangeKind.RAM));
            end = r.end();
            if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.EXCLUDED) {
                dataEnd = r.end();
            }
        }
        if (open) {
            out.add(close(start, end, dataEnd, spans));
        }
        return out;
    }

    /** The run with its trailing zero spans dropped from the spans to write. */
    private static Run close(long start, long end, long dataEnd, List<PageStream.Span> spans) {
        List<PageStream.Span> written = new ArrayList<>();
        for (PageStream.Span s : spans) {
            if (Long.compareUnsigned(s.start(), dataEnd) < 0) {
                written.add(s);
            }
        }
        return new Run(start, end, dataEnd, written);
    }
}
