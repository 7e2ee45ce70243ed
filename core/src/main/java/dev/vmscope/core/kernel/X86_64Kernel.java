package dev.vmscope.core.kernel;

import dev.vmscope.core.Hex;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.x86.X86_64Entry;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The x86-64 Linux kernel as VMCOREINFO describes it. The kernel image is linked at
 * {@code __START_KERNEL_map} and loaded {@code phys_base} further on (phys_base can be negative), so
 * a kernel-image symbol's physical address is {@code sym - __START_KERNEL_map + phys_base}; KASLR's
 * {@code KERNELOFFSET} is already part of the symbol values.
 */
public final class X86_64Kernel implements KernelBootstrap {
    /** Where the kernel image is mapped ({@code __START_KERNEL_map}). */
    public static final long START_KERNEL_MAP = 0xffffffff80000000L;

    /** Physical address of a kernel-image virtual address. */
    public static long imagePhysical(long va, long physBase) {
        return va - START_KERNEL_MAP + physBase;
    }

    /** The paging mode VMCOREINFO states ({@code pgtable_l5_enabled}, {@code sme_mask}). */
    public static PagingMode pagingMode(Optional<VmcoreInfo> info) {
        boolean fiveLevel = info.map(i -> i.number("pgtable_l5_enabled").orElse(0)).orElse(0L) == 1;
        long sme = info.map(i -> i.number("sme_mask").orElse(0)).orElse(0L);
        return PagingModes.x86_64(fiveLevel, new X86_64Entry(52, sme));
    }

    @Override
    public PagingMode pagingMode(DumpFacts dump) {
        return pagingMode(dump.vmcoreinfo());
    }

    @Override
    public Optional<KernelFacts> fromVmcoreInfo(DumpFacts dump, PagingMode mode) {
        return dump.vmcoreinfo().flatMap(info -> fromVmcoreInfo(info, mode));
    }

    /** The kernel's page-table root from VMCOREINFO alone, if it names one. */
    public static Optional<KernelFacts> fromVmcoreInfo(VmcoreInfo info) {
        return fromVmcoreInfo(info, pagingMode(Optional.of(info)));
    }

    private static Optional<KernelFacts> fromVmcoreInfo(VmcoreInfo info, PagingMode mode) {
        OptionalLong symbol = info.symbol("init_top_pgt");
        String name = "init_top_pgt";
        if (symbol.isEmpty()) {
            symbol = info.symbol("swapper_pg_dir");
            name = "swapper_pg_dir";
        }
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        long physBase = info.number("phys_base").orElse(0);
        long kaslr = info.kernelOffset().orElse(0);
        long root = imagePhysical(symbol.getAsLong(), physBase);
        String origin = "VMCOREINFO SYMBOL(" + name + ")=" + Hex.of(symbol.getAsLong()) + " - __START_KERNEL_map + phys_base "
                + (physBase < 0 ? "-" + Hex.of(-physBase) : Hex.of(physBase));
        return Optional.of(new KernelFacts(info.osRelease(), mode, root, origin, kaslr, physBase, List.of()));
    }

    @Override
    public List<VirtualRegion> layout(DumpFacts dump, PageTableWalker walker, KernelFacts facts) {
        return dump.vmcoreinfo()
                .map(info -> new X86_64Layout(dump.memory(), walker, facts.pageTableRoot(), info).regions())
                .orElse(List.of());
    }
}
