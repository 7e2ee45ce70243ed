package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.xen.P2mRun;
import dev.vmscope.core.xen.XenHost;
import dev.vmscope.views.fx.Sizes;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Who owns which machine memory of a Xen host's dump: Xen's image (from {@code xen_phys_start} to the
 * last of its VMCOREINFO_XEN symbols, rounded up to its 2 MiB alignment), dom0 (the machine frames of
 * its p2m, merged into runs), and the kdump area (a hole between the dump's ranges above the first
 * MiB: kexec leaves the crash kernel's reserved memory out of the vmcore).
 */
final class XenOwners {
    static final Color XEN = Color.web("#c2255c");
    static final Color DOM0 = Color.web("#1f6fc5");
    static final Color KDUMP = Color.web("#e67700");
    private static final long IMAGE_ALIGN = 2L << 20;
    private static final long LOW_MEMORY = 1L << 20;
    private static final String IMAGE_WORDS = "Xen's image";
    private static final String DOM0_WORDS = "dom0 (machine frames of its p2m)";
    private static final String KDUMP_WORDS = "kdump area (hole between the dump's ranges)";

    private XenOwners() {
    }

    /** The owners' legend. */
    static Legend legend() {
        Legend l = new Legend();
        l.add(XEN, IMAGE_WORDS);
        l.add(DOM0, DOM0_WORDS);
        l.add(KDUMP, KDUMP_WORDS);
        return l;
    }

    static List<BarSegment> of(Session session, XenHost host) {
        List<BarSegment> out = new ArrayList<>();
        image(host).ifPresent(end -> {
            long start = host.facts().physStart().orElseThrow().value();
            out.add(segment(start, end, "Xen", XEN, IMAGE_WORDS + ": xen_phys_start " + Hex.of(start)
                    + " up to its last VMCOREINFO_XEN symbol, rounded up to 2 MiB"));
        });
        host.dom0().value().ifPresent(d -> dom0(d.map().runs()).forEach(r -> out.add(segment(r[0], r[1], "dom0", DOM0,
                DOM0_WORDS))));
        List<MemoryRange> ranges = session.memory().ranges();
        for (int i = 1; i + 1 < ranges.size(); i++) {
            MemoryRange r = ranges.get(i);
            if (r.kind() == RangeKind.HOLE && r.start() >= LOW_MEMORY && ranges.get(i - 1).kind() != RangeKind.HOLE
                    && ranges.get(i + 1).kind() != RangeKind.HOLE) {
                out.add(segment(r.start(), r.end(), "kdump", KDUMP, KDUMP_WORDS + ": the crash kernel's reserved memory, "
                        + "which kexec leaves out of the vmcore"));
            }
        }
        out.sort(Comparator.comparingLong(BarSegment::start));
        return out;
    }

    private static BarSegment segment(long start, long end, String label, Color color, String words) {
        return new BarSegment(start, end, label, color, Hex.of(start) + " – " + Hex.of(end) + "\n" + Sizes.of(end - start)
                + " · " + words, words);
    }

    /** The end of Xen's image in machine memory, when xen_phys_start and Xen's symbols are known. */
    private static OptionalLong image(XenHost host) {
        if (host.facts().physStart().isEmpty() || host.facts().vmcoreinfoXen().isEmpty()) {
            return OptionalLong.empty();
        }
        long imageStart = host.hypervisor().value().flatMap(h -> h.regions(host.facts().physStart()).stream()
                .filter(r -> r.name().equals("Xen image")).findFirst()).map(r -> r.start()).orElse(0L);
        if (imageStart == 0) {
            return OptionalLong.empty();
        }
        long last = host.facts().vmcoreinfoXen().get().entries().keySet().stream().filter(k -> k.startsWith("SYMBOL("))
                .map(k -> host.facts().symbol(k.substring(7, k.length() - 1))).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).filter(va -> va - imageStart >= 0 && va - imageStart < (1L << 30))
                .map(va -> va - imageStart).max().orElse(-1);
        if (last < 0) {
            return OptionalLong.empty();
        }
        long size = (last + IMAGE_ALIGN) & -IMAGE_ALIGN;
        return OptionalLong.of(host.facts().physStart().get().value() + size);
    }

    /** dom0's machine frames as {start, end} byte ranges, adjacent frames merged. */
    private static List<long[]> dom0(List<P2mRun> runs) {
        List<long[]> frames = new ArrayList<>();
        runs.stream().filter(r -> r.kind() == dev.vmscope.core.xen.P2mKind.MAPPED)
                .sorted(Comparator.comparingLong(P2mRun::mfn)).forEach(r -> {
                    long s = r.mfn() << 12;
                    long e = (r.mfn() + r.count()) << 12;
                    if (!frames.isEmpty() && frames.getLast()[1] >= s) {
                        frames.getLast()[1] = Math.max(frames.getLast()[1], e);
                    } else {
                        frames.add(new long[] {s, e});
                    }
                });
        return frames;
    }
}
