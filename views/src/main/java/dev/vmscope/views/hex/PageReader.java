package dev.vmscope.views.hex;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.util.BitSet;
import java.util.List;

/**
 * Reads one page of any space of a session, never failing: bytes the dump does not hold are marked
 * unreadable with the reason (a hole, a filtered page, an unmapped virtual page). Runs off the FX thread.
 */
final class PageReader {
    static final int PAGE = 4096;

    private final Session session;
    private final Memory memory;
    private final List<MemoryRange> ranges;

    PageReader(Session session) {
        this.session = session;
        this.memory = session.memory();
        this.ranges = memory.ranges();
    }

    PageBytes read(Space space, long base) {
        if (space == memory.space()) {
            return fromMemory(base, base, "");
        }
        if (space == Space.KERNEL_VIRTUAL) {
            return virtualPage(base);
        }
        try {
            byte[] data = session.read(space, base, PAGE);
            BitSet all = new BitSet(PAGE);
            all.set(0, PAGE);
            return new PageBytes(base, data, all, new BitSet(), "");
        } catch (DumpException e) {
            return PageBytes.unreadable(base, e.getMessage());
        }
    }

    private PageBytes virtualPage(long va) {
        try {
            Translation t = session.translate(va);
            return switch (t.result()) {
                case WalkResult.Mapped m -> fromMemory(va, m.address(),
                        "virtual " + Hex.of(va) + ": ");
                case WalkResult.Fault f -> PageBytes.unreadable(va, "not mapped: " + f.reason() + " (" + f.detail() + ")");
            };
        } catch (DumpException e) {
            return PageBytes.unreadable(va, e.getMessage());
        }
    }

    /** Reads the page at {@code at} of the dump's memory, range by range, reporting it at {@code base}. */
    private PageBytes fromMemory(long base, long at, String context) {
        byte[] data = new byte[PAGE];
        BitSet readable = new BitSet(PAGE);
        BitSet excluded = new BitSet(PAGE);
        String problem = "";
        long end = at + PAGE;
        int i = firstRangeEndingAfter(at);
        long covered = at;
        for (; i < ranges.size() && Long.compareUnsigned(ranges.get(i).start(), end) < 0; i++) {
            MemoryRange r = ranges.get(i);
            long from = Long.compareUnsigned(r.start(), at) > 0 ? r.start() : at;
            long to = Long.compareUnsigned(r.end(), end) < 0 && r.end() != 0 ? r.end() : end;
            if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO) {
                try {
                    memory.read(from, data, (int) (from - at), (int) (to - from));
                    readable.set((int) (from - at), (int) (to - at));
                } catch (DumpException e) {
                    problem = context + e.getMessage();
                }
            } else {
                if (r.kind() == RangeKind.EXCLUDED) {
                    excluded.set((int) (from - at), (int) (to - at));
                }
                if (problem.isEmpty()) {
                    problem = context + why(r.kind(), from);
                }
            }
            covered = to;
        }
        if (Long.compareUnsigned(covered, end) < 0 && problem.isEmpty()) {
            problem = context + why(RangeKind.HOLE, covered);
        }
        return new PageBytes(base, data, readable, excluded, problem);
    }

    private String why(RangeKind kind, long address) {
        String what = memory.space().word() + " " + Hex.of(address);
        return switch (kind) {
            case EXCLUDED -> what + " is excluded from the dump by filtering";
            case RESERVED -> what + " is reserved memory the dump does not hold";
            default -> what + " is not in the dump";
        };
    }

    private int firstRangeEndingAfter(long address) {
        int lo = 0;
        int hi = ranges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long e = ranges.get(mid).end();
            if (e != 0 && Long.compareUnsigned(e, address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
