package dev.vmscope.core.io;

/** What a range of an address space holds in a dump. */
public enum RangeKind {
    /** Bytes present in the dump. */
    RAM("ram"),
    /** Memory the dump describes but whose bytes were filtered out. */
    EXCLUDED("excluded"),
    /** Memory the dump records as zero without storing it (an ELF {@code p_filesz < p_memsz} tail, a zero page). */
    ZERO("zero"),
    /** No memory at all between two ranges. */
    HOLE("hole"),
    /** Present but reserved by firmware or a hypervisor. */
    RESERVED("reserved");

    private final String id;

    RangeKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
