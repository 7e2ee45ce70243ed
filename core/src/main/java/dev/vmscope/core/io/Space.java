package dev.vmscope.core.io;

/** The address spaces an address can belong to; every address vmscope prints knows its space. */
public enum Space {
    /** A kernel virtual address, translated through page tables or a linear map. */
    KERNEL_VIRTUAL("virtual", "virtual"),
    /** What the kernel calls physical: pseudo-physical for a Xen PV guest. */
    PHYSICAL("physical", "physical"),
    /** What the CPU puts on the bus; equal to physical except under Xen. */
    MACHINE("machine", "machine"),
    /**
     * Offsets in the dump file itself, for what a format stores outside any memory: the page-table
     * entries a FreeBSD minidump keeps in an array of their own.
     */
    DUMP_FILE("file", "dump file offset");

    private final String id;
    private final String word;

    Space(String id, String word) {
        this.id = id;
        this.word = word;
    }

    /** The name in JSON output ({@code virtual}, {@code physical}, {@code machine}). */
    public String id() {
        return id;
    }

    /** The word used in messages. */
    public String word() {
        return word;
    }
}
