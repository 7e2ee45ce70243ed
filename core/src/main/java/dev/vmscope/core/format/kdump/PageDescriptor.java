package dev.vmscope.core.format.kdump;

/**
 * One 24-byte {@code page_desc_t}: where a dumped page's data is, its stored size and compression flags.
 */
public record PageDescriptor(long offset, int size, int flags, long pageFlags) {
    public static final int SIZE = 24;
}
