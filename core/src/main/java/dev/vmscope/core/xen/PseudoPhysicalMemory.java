package dev.vmscope.core.xen;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.MemoryRanges;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;

import java.util.ArrayList;
import java.util.List;

/**
 * A PV domain's pseudo-physical memory, read through its p2m from the machine memory a dump holds.
 * A pfn without a frame, or whose frame the dump lacks, reads as an error naming the pseudo-physical
 * address; nothing is invented.
 */
public final class PseudoPhysicalMemory implements Memory {
    private static final long PAGE = 4096;

    private final Memory machine;
    private final P2mMap p2m;
    private volatile List<MemoryRange> ranges;

    public PseudoPhysicalMemory(Memory machine, P2mMap p2m) {
        this.machine = machine;
        this.p2m = p2m;
    }

    @Override
    public Space space() {
        return Space.PHYSICAL;
    }

    public P2mMap p2m() {
        return p2m;
    }

    @Override
    public List<MemoryRange> ranges() {
        List<MemoryRange> r = ranges;
        if (r == null) {
            r = List.copyOf(computeRanges());
            ranges = r;
        }
        return r;
    }

    /** Runs become the kinds their machine frames have in the dump; pfns without a frame are holes. */
    private List<MemoryRange> computeRanges() {
        List<MemoryRange> out = new ArrayList<>();
        List<MemoryRange> m = machine.ranges();
        long[] ends = m.stream().mapToLong(MemoryRange::end).toArray();
        List<P2mRun> runs = p2m.runs();
        List<PfnRange> gaps = p2m.gaps();
        int r = 0;
        int g = 0;
        while (r < runs.size() || g < gaps.size()) {
            if (g < gaps.size() && (r == runs.size() || gaps.get(g).start() < runs.get(r).pfn())) {
                PfnRange gap = gaps.get(g++);
                MemoryRanges.append(out, new MemoryRange(gap.start() * PAGE, gap.end() * PAGE, RangeKind.HOLE));
            } else {
                addRun(out, runs.get(r++), m, ends);
            }
        }
        return out;
    }

    /** A run's pfns, split where its machine frames change kind in the dump. */
    private static void addRun(List<MemoryRange> out, P2mRun run, List<MemoryRange> m, long[] ends) {
        long from = run.mfn() * PAGE;
        long to = from + run.count() * PAGE;
        long shift = run.pfn() * PAGE - from;
        long at = from;
        for (int i = firstEndingAfter(ends, at); i < m.size() && m.get(i).start() < to; i++) {
            MemoryRange r = m.get(i);
            if (r.start() > at) {
                MemoryRanges.append(out, new MemoryRange(at + shift, r.start() + shift, RangeKind.HOLE));
            }
            long end = Math.min(to, r.end());
            MemoryRanges.append(out, new MemoryRange(Math.max(at, r.start()) + shift, end + shift, r.kind()));
            at = end;
        }
        if (at < to) {
            MemoryRanges.append(out, new MemoryRange(at + shift, to + shift, RangeKind.HOLE));
        }
    }

    /** Index of the first range whose end is above {@code address} (ranges are sorted and disjoint). */
    private static int firstEndingAfter(long[] ends, long address) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(ends[mid], address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }


    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        int done = 0;
        while (done < length) {
            long a = address + done;
            int n = (int) Math.min(length - done, PAGE - (a & (PAGE - 1)));
            long mfn = p2m.mfn(a >>> 12).orElseThrow(() -> new MemoryAccessException(Space.PHYSICAL, a, MemoryAccessException.Reason.NOT_IN_DUMP));
            try {
                machine.read((mfn << 12) | (a & (PAGE - 1)), dst, dstOffset + done, n);
            } catch (MemoryAccessException e) {
                throw new MemoryAccessException(Space.PHYSICAL, a, e.reason());
            }
            done += n;
        }
    }

    @Override
    public boolean isReadable(long address, long length) {
        long a = address;
        long left = length;
        while (left > 0) {
            long n = Math.min(left, PAGE - (a & (PAGE - 1)));
            var mfn = p2m.mfn(a >>> 12);
            if (mfn.isEmpty() || !machine.isReadable((mfn.getAsLong() << 12) | (a & (PAGE - 1)), n)) {
                return false;
            }
            a += n;
            left -= n;
        }
        return true;
    }

    /** The machine address of a pseudo-physical one, when a frame backs it. */
    public java.util.OptionalLong machineAddress(long pseudoPhysical) {
        var mfn = p2m.mfn(pseudoPhysical >>> 12);
        return mfn.isPresent() ? java.util.OptionalLong.of((mfn.getAsLong() << 12) | (pseudoPhysical & (PAGE - 1)))
                : java.util.OptionalLong.empty();
    }
}
