package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.views.fx.Sizes;
import dev.vmscope.views.fx.Unsigned;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What the memory map shows of a session: the dump's ranges and the kernel's virtual layout, as
 * bar segments over their domains. Everything here is in memory once the session is open.
 */
public final class MemoryMapModel {
    private final Session session;
    private final List<MemoryRange> ranges;
    private final Optional<List<VirtualRegion>> regions;

    public MemoryMapModel(Session session) {
        this.session = session;
        this.ranges = session.memory().ranges();
        this.regions = session.kernel().map(k -> k.layout()).filter(l -> !l.isEmpty());
    }

    public List<MemoryRange> ranges() {
        return ranges;
    }

    /** The space the dump's memory is in: physical, or machine for a Xen host. */
    public Space space() {
        return session.memory().space();
    }

    public long physicalStart() {
        return ranges.isEmpty() ? 0 : ranges.getFirst().start();
    }

    public double physicalSpan() {
        return ranges.isEmpty() ? 4096 : Math.max(4096, Unsigned.span(physicalStart(), ranges.getLast().end()));
    }

    public List<BarSegment> physicalSegments() {
        return ranges.stream().map(r -> new BarSegment(r.start(), r.end(), r.kind().id(), MapColors.of(r.kind()),
                Hex.of(r.start()) + " – " + Hex.of(r.end()) + "\n" + Sizes.of(r.size()) + " · " + r.kind().id()
                        + " (" + MapColors.words(r.kind()) + ")", r)).toList();
    }

    /** E.g. "3 ranges · 3.25 GiB in the dump". */
    public String physicalSummary() {
        BigInteger present = BigInteger.ZERO;
        for (MemoryRange r : ranges) {
            if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO) {
                present = present.add(Sizes.span(r.start(), r.end()));
            }
        }
        return ranges.size() + (ranges.size() == 1 ? " range" : " ranges") + " · " + Sizes.of(present) + " in the dump";
    }

    /** For a Xen host's dump: who owns which machine memory (Xen, dom0, the kdump area); empty otherwise. */
    public Optional<List<BarSegment>> ownerSegments() {
        return session.xenHost().map(h -> XenOwners.of(session, h));
    }

    /** The kernel's named regions, when the kernel's layout is known. */
    public Optional<List<VirtualRegion>> regions() {
        return regions;
    }

    /** Why there is no virtual layout, when there is none. */
    public String noLayoutReason() {
        return session.kernelProblem().orElse("the dump has no VMCOREINFO, so the kernel's layout is unknown");
    }

    /** The upper (kernel) half of the canonical address space: from -2^(vaBits-1) up to 2^64. */
    public long virtualStart() {
        int bits = session.kernel().map(k -> k.mode().form().vaBits()).orElse(48);
        return -(1L << (bits - 1));
    }

    public double virtualSpan() {
        return Unsigned.span(virtualStart(), 0);
    }

    public List<BarSegment> virtualSegments() {
        return regions.orElse(List.of()).stream().map(r -> new BarSegment(r.start(), r.end(), r.name(),
                MapColors.region(r.name()), r.name() + "\n" + Hex.of(r.start()) + " – " + Hex.of(r.end()) + "\n"
                        + Sizes.of(Sizes.span(r.start(), r.end())) + "\nknown from " + r.origin(), r)).toList();
    }
}
