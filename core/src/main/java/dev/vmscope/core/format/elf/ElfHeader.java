package dev.vmscope.core.format.elf;

import java.nio.ByteOrder;

/**
 * The fields of an ELF file header that a core reader needs; {@code phnum} is the real count
 * (taken from section header 0 when the header says {@code PN_XNUM}).
 */
public record ElfHeader(boolean is64, ByteOrder byteOrder, int type, int machine, long phoff,
                        int phentsize, long phnum, long shoff, int shentsize, int shnum) {
    public static final int ET_CORE = 4;
    public static final int PN_XNUM = 0xffff;

    public int wordSize() {
        return is64 ? 8 : 4;
    }

    public String className() {
        return is64 ? "ELF64" : "ELF32";
    }
}
