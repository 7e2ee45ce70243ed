package dev.vmscope.views.hex;

import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Finds bytes in the dump's own memory, forward or backward from an address, only where the dump holds
 * bytes (RAM and zero-filled ranges: never in holes or excluded pages). A search reads a megabyte at a
 * time, reports how far it got and stops after {@code bound} bytes; a match does not span two ranges.
 * Plain Java: runs off the FX thread.
 */
final class HexSearch {
    static final int CHUNK = 1 << 20;

    /** Told the bytes scanned so far and the bound. */
    interface Progress {
        void scanned(long done, long bound);
    }

    /**
     * @param match     the first match's address, if one was found
     * @param scanned   how many bytes were looked at
     * @param stoppedAt where a next search in the same direction would continue, when it stopped at the bound
     */
    record Outcome(OptionalLong match, long scanned, OptionalLong stoppedAt) {
    }

    private final Memory memory;
    private final List<MemoryRange> ranges;

    HexSearch(Memory memory) {
        this.memory = memory;
        this.ranges = memory.ranges().stream().filter(r -> r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO).toList();
    }

    /** The first match starting at or after {@code from}. */
    Outcome forward(byte[] pattern, long from, long bound, Progress progress, BooleanSupplier cancelled) {
        long scanned = 0;
        for (MemoryRange r : ranges) {
            long end = r.end();
            for (long s = Math.max(r.start(), from); s + pattern.length <= end && !cancelled.getAsBoolean(); ) {
                if (scanned >= bound) {
                    return new Outcome(OptionalLong.empty(), scanned, OptionalLong.of(s));
                }
                long chunkEnd = Math.min(end, s + CHUNK + pattern.length - 1);
                byte[] buf = memory.read(s, (int) (chunkEnd - s));
                int at = indexOf(buf, pattern, 0, buf.length - pattern.length);
                if (at >= 0) {
                    return new Outcome(OptionalLong.of(s + at), scanned + at, OptionalLong.empty());
                }
                scanned += buf.length - pattern.length + 1;
                progress.scanned(scanned, bound);
                s = chunkEnd - pattern.length + 1;
            }
        }
        return new Outcome(OptionalLong.empty(), scanned, OptionalLong.empty());
    }

    /** The last match starting before {@code before}. */
    Outcome backward(byte[] pattern, long before, long bound, Progress progress, BooleanSupplier cancelled) {
        long scanned = 0;
        for (int i = ranges.size() - 1; i >= 0; i--) {
            MemoryRange r = ranges.get(i);
            for (long last = Math.min(r.end() - pattern.length, before - 1); last >= r.start() && !cancelled.getAsBoolean(); ) {
                if (scanned >= bound) {
                    return new Outcome(OptionalLong.empty(), scanned, OptionalLong.of(last + 1));
                }
                long chunkStart = Math.max(r.start(), last - CHUNK + 1);
                byte[] buf = memory.read(chunkStart, (int) (last + pattern.length - chunkStart));
                int at = lastIndexOf(buf, pattern, (int) (last - chunkStart));
                if (at >= 0) {
                    return new Outcome(OptionalLong.of(chunkStart + at), scanned + (last - chunkStart - at), OptionalLong.empty());
                }
                scanned += last - chunkStart + 1;
                progress.scanned(scanned, bound);
                last = chunkStart - 1;
            }
        }
        return new Outcome(OptionalLong.empty(), scanned, OptionalLong.empty());
    }

    private static int indexOf(byte[] buf, byte[] p, int from, int lastStart) {
        for (int i = from; i <= lastStart; i++) {
            if (matches(buf, p, i)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] buf, byte[] p, int lastStart) {
        for (int i = lastStart; i >= 0; i--) {
            if (matches(buf, p, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] buf, byte[] p, int at) {
        for (int j = 0; j < p.length; j++) {
            if (buf[at + j] != p[j]) {
                return false;
            }
        }
        return true;
    }
}
