package dev.vmscope.app.cli;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The other kernel virtual addresses that map the byte a translation ends at, the kernel's direct map
 * first (as {@link Session#virtualAliases} orders them), from every mapping of the kernel's page table,
 * enumerated and indexed once, so that many addresses cost one search each. When the tables cannot be
 * enumerated, there are none to tell and the translation stands alone.
 */
final class Aliases {
    private static final elf4j.Logger LOG = elf4j.Logger.instance();
    private static final String DIRECT_MAP = "direct map";

    private final Session session;
    private final Progress progress;
    private final List<VirtualRegion> directMap;
    private PhysicalIndex index;
    private boolean unavailable;

    Aliases(Session session, Progress progress) {
        this.session = session;
        this.progress = progress;
        this.directMap = session.kernel().map(KernelFacts::layout).orElse(List.of()).stream()
                .filter(v -> v.name().equals(DIRECT_MAP)).toList();
    }

    /** The virtual addresses other than the translated one that map its result, direct map first. */
    List<Long> of(Translation t) {
        if (!(t.result() instanceof WalkResult.Mapped m)) {
            return List.of();
        }
        return ofPhysical(m.address()).stream().filter(va -> va != t.virtualAddress()).toList();
    }

    /** Every virtual address that maps {@code pa} (machine, for a Xen host), direct map first. */
    List<Long> ofPhysical(long pa) {
        return index().map(i -> i.virtualOf(pa).stream()
                        .sorted(Comparator.comparing(va -> !inDirectMap(va)))
                        .toList())
                .orElse(List.of());
    }

    private Optional<PhysicalIndex> index() {
        if (index == null && !unavailable) {
            try {
                index = new PhysicalIndex(session.kernelMappings(progress).ranges());
            } catch (DumpException e) {
                unavailable = true;
                LOG.atDebug().log(e, (Object) "no aliases: the page tables cannot be enumerated");
            } finally {
                Streams.endProgress(progress);
            }
        }
        return Optional.ofNullable(index);
    }

    private boolean inDirectMap(long va) {
        return directMap.stream().anyMatch(v -> Long.compareUnsigned(va, v.start()) >= 0 && Long.compareUnsigned(va, v.end()) < 0);
    }
}
