package dev.vmscope.core.kernel;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;

import java.util.List;
import java.util.Optional;

/**
 * The i386 Linux kernel: PAE when VMCOREINFO says {@code CONFIG_X86_PAE=y} (or, without VMCOREINFO, when
 * a CPU's CR4.PAE is set), 2-level otherwise. {@code swapper_pg_dir} lives in the direct map at
 * PAGE_OFFSET, which VMCOREINFO does not state and i386 writes no KERNELOFFSET, so the offset is the
 * split under which the root maps itself.
 */
public final class I386Kernel implements KernelBootstrap {
    private static final long CR4_PAE = 1 << 5;

    @Override
    public PagingMode pagingMode(DumpFacts dump) {
        boolean pae = dump.vmcoreinfo().map(i -> i.config("X86_PAE")).orElse(false)
                || dump.cpus().stream().map(c -> c.register("cr4")).flatMap(Optional::stream)
                .anyMatch(r -> (r.value() & CR4_PAE) != 0);
        return pae ? PagingModes.x86Pae() : PagingModes.x86_32();
    }

    @Override
    public Optional<KernelFacts> fromVmcoreInfo(DumpFacts dump, PagingMode mode) {
        return DirectMap.kernelFacts(dump, mode);
    }

    @Override
    public List<VirtualRegion> layout(DumpFacts dump, PageTableWalker walker, KernelFacts facts) {
        return facts.linearMap().map(map -> {
            long lowmem = Math.min(DirectMap.highestRam(dump.memory()), 0x38000000L);
            return List.of(new VirtualRegion(map.virtualStart(), map.virtualStart() + lowmem, "direct map",
                    "PAGE_OFFSET " + Hex.of(map.virtualStart()) + " (the split under which swapper_pg_dir maps itself)"));
        }).orElse(List.of());
    }
}
