package dev.vmscope.core.kernel;

import dev.vmscope.core.xlat.PagingMode;

import java.util.List;
import java.util.Optional;

/**
 * What vmscope knows of the dumped kernel: how to translate its addresses and where things are.
 *
 * @param pageTableRoot the kernel's top-level page table, physical (machine for a Xen host)
 * @param rootOrigin    how the root was found, in words
 * @param kaslrOffset   the kernel image's KASLR displacement ({@code KERNELOFFSET}), 0 if none
 * @param physBase      {@code phys_base}: physical address of the kernel image minus its link address
 * @param layout        the named regions of the kernel's virtual address space
 * @param linearMap     where the kernel's direct map puts physical address {@code physStart}, when known
 */
public record KernelFacts(Optional<String> release, PagingMode mode, long pageTableRoot, String rootOrigin,
                          long kaslrOffset, long physBase, List<VirtualRegion> layout, Optional<LinearMap> linearMap) {

    /** The direct map: virtual {@code virtualStart} is physical {@code physStart}, linearly. */
    public record LinearMap(long virtualStart, long physStart) {
        public long physical(long va) {
            return va - virtualStart + physStart;
        }
    }

    public KernelFacts {
        layout = List.copyOf(layout);
    }

    public KernelFacts(Optional<String> release, PagingMode mode, long pageTableRoot, String rootOrigin,
                       long kaslrOffset, long physBase, List<VirtualRegion> layout) {
        this(release, mode, pageTableRoot, rootOrigin, kaslrOffset, physBase, layout, Optional.empty());
    }

    public KernelFacts withRoot(long root, String origin) {
        return new KernelFacts(release, mode, root, origin, kaslrOffset, physBase, layout, linearMap);
    }

    public KernelFacts withLayout(List<VirtualRegion> regions) {
        return new KernelFacts(release, mode, pageTableRoot, rootOrigin, kaslrOffset, physBase, regions, linearMap);
    }
}
