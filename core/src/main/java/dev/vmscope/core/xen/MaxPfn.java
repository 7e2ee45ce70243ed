package dev.vmscope.core.xen;

/**
 * How many pfns the guest says it has ({@code max_pfn}, exclusive) and where that number came from, in words.
 */
public record MaxPfn(long value, String origin) {
    public MaxPfn {
        if (value < 0) {
            throw new IllegalArgumentException("negative max_pfn");
        }
    }
}
