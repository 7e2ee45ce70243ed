package dev.vmscope.app.reader;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/**
 * What the reader tells before it serves: the opened source's facts (as a dump on the reader's side
 * has them) and the physical ranges it will read, the only ones it answers for.
 *
 * @param maxRead the most bytes one request may ask for
 * @param ranges  sorted, disjoint {@code [start, end)} physical ranges
 */
public record Announcement(String source, String format, Architecture architecture, int maxRead,
                           List<MemoryRange> ranges, List<ElfNote> notes, Optional<VmcoreInfo> vmcoreinfo,
                           List<FormatField> header) {
    public Announcement {
        ranges = List.copyOf(ranges);
        notes = List.copyOf(notes);
        header = List.copyOf(header);
    }

    /** The announcement of an opened live dump: its facts and the ranges whose bytes it holds. */
    public static Announcement of(Dump dump, int maxRead) {
        List<MemoryRange> present = dump.memory().ranges().stream()
                .filter(r -> r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO)
                .map(r -> new MemoryRange(r.start(), r.end(), RangeKind.RAM))
                .toList();
        return new Announcement(dump.source(), dump.format(), dump.architecture(), maxRead, merge(present),
                dump.notes(), dump.vmcoreinfo(), dump.header());
    }

    private static List<MemoryRange> merge(List<MemoryRange> sorted) {
        java.util.ArrayList<MemoryRange> out = new java.util.ArrayList<>();
        for (MemoryRange r : sorted) {
            if (!out.isEmpty() && out.getLast().end() == r.start()) {
                out.add(new MemoryRange(out.removeLast().start(), r.end(), RangeKind.RAM));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether {@code [address, address + length)} lies inside one announced range. */
    public boolean serves(long address, int length) {
        long last = address + length - 1;
        if (length <= 0 || Long.compareUnsigned(last, address) < 0) {
            return false;
        }
        for (MemoryRange r : ranges) {
            if (r.contains(address)) {
                return Long.compareUnsigned(last, r.end() - 1) <= 0;
            }
        }
        return false;
    }
}
