package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;

/**
 * A named range {@code [start, end)} of Xen's own virtual address space and how it translates.
 *
 * @param linearOffset when the range is mapped linearly: machine = va - linearOffset
 */
public record XenRegion(long start, long end, String name, java.util.OptionalLong linearOffset, String origin) {
    public boolean contains(long va) {
        return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) < 0;
    }

    @Override
    public String toString() {
        return name + " " + Hex.of(start) + "-" + Hex.of(end);
    }
}
