package dev.vmscope.core.kernel;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;

import java.util.List;
import java.util.Optional;

/**
 * What one architecture's Linux kernel needs to be walked: its paging mode, its page-table root from
 * VMCOREINFO, and the named regions of its virtual address space.
 */
public sealed interface KernelBootstrap permits X86_64Kernel, I386Kernel, Aarch64Kernel, ArmKernel {

    static KernelBootstrap of(Architecture arch) {
        return switch (arch) {
            case X86_64 -> new X86_64Kernel();
            case I386 -> new I386Kernel();
            case AARCH64 -> new Aarch64Kernel();
            case ARM -> new ArmKernel();
        };
    }

    /**
     * The paging mode the dump's VMCOREINFO or CPU notes state.
     *
     * @throws ImpossibleKernelException when they state one the architecture does not have
     */
    PagingMode pagingMode(DumpFacts dump);

    /** The kernel's root table and facts from VMCOREINFO alone, if it names enough. */
    Optional<KernelFacts> fromVmcoreInfo(DumpFacts dump, PagingMode mode);

    /** The kernel's virtual layout, read from the dump where it is randomised. */
    List<VirtualRegion> layout(DumpFacts dump, PageTableWalker walker, KernelFacts facts);
}
