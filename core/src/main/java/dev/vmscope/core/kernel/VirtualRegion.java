package dev.vmscope.core.kernel;

/**
 * A named range {@code [start, end)} of the kernel's virtual address space.
 *
 * @param origin how vmscope knows it (the VMCOREINFO entry or the architecture's fixed layout)
 */
public record VirtualRegion(long start, long end, String name, String origin) {
}
