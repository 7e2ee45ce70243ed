package dev.vmscope.core.format.xccore;

/**
 * One ELF64 section header, as far as an {@code xl dump-core} reader needs it.
 *
 * @param headerOffset where the section header itself is in the file, for messages
 */
public record ElfSection(int index, String name, long type, long offset, long size, long entrySize, long headerOffset) {
    public static final long SHT_NOTE = 7;
    public static final long SHT_NOBITS = 8;
}
