package dev.vmscope.core.format.elf;

/** One ELF program header, widened to 64 bits. */
public record ProgramHeader(int index, long type, long flags, long offset, long vaddr, long paddr,
                            long filesz, long memsz, long align) {
    public static final long PT_LOAD = 1;
    public static final long PT_NOTE = 4;

    public String typeName() {
        return type == PT_LOAD ? "PT_LOAD" : type == PT_NOTE ? "PT_NOTE" : "0x" + Long.toHexString(type);
    }
}
