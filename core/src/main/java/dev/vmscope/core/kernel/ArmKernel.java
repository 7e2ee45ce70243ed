package dev.vmscope.core.kernel;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;

import java.util.List;
import java.util.Optional;

/**
 * The 32-bit ARM Linux kernel: LPAE (3-level long descriptors) when VMCOREINFO says
 * {@code CONFIG_ARM_LPAE=y}, short descriptors otherwise. {@code swapper_pg_dir} is in the direct map
 * ({@code VA = PA - PHYS_OFFSET + PAGE_OFFSET}); neither offset is in VMCOREINFO, so they are the
 * candidates under which the root maps itself, PHYS_OFFSET being the start of RAM.
 */
public final class ArmKernel implements KernelBootstrap {

    @Override
    public PagingMode pagingMode(DumpFacts dump) {
        boolean lpae = dump.vmcoreinfo().map(i -> i.config("ARM_LPAE")).orElse(false);
        return lpae ? PagingModes.armLpae() : PagingModes.armShort();
    }

    @Override
    public Optional<KernelFacts> fromVmcoreInfo(DumpFacts dump, PagingMode mode) {
        return DirectMap.kernelFacts(dump, mode);
    }

    @Override
    public List<VirtualRegion> layout(DumpFacts dump, PageTableWalker walker, KernelFacts facts) {
        return facts.linearMap().map(map -> {
            long end = DirectMap.highestRam(dump.memory());
            long stop = Math.min(map.virtualStart() + (end - map.physStart()), 0xf0000000L);
            return List.of(new VirtualRegion(map.virtualStart(), stop, "direct map",
                            "PHYS_OFFSET " + Hex.of(map.physStart()) + " at PAGE_OFFSET " + Hex.of(map.virtualStart())
                                    + " (the offsets under which swapper_pg_dir maps itself)"),
                    new VirtualRegion(map.virtualStart() - (16L << 20), map.virtualStart(), "modules",
                            "the 16 MiB below PAGE_OFFSET"));
        }).orElse(List.of());
    }
}
