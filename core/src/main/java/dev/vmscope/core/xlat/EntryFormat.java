package dev.vmscope.core.xlat;

/** Decodes one page-table entry of one architecture; everything else about a walk is shared. */
public interface EntryFormat {

    /**
     * @param raw   the entry as read
     * @param level 0 for the top-level table
     * @param form  the paging form being walked
     */
    DecodedEntry decode(long raw, int level, PagingForm form);

    /**
     * The fast path for batch translation, without allocating: the entry's target (next table, or page
     * base for a leaf), {@link #NOT_PRESENT}, or the target with {@link #LEAF} set. The default decodes
     * the entry fully; formats on hot paths override it.
     */
    default long step(long raw, int level, PagingForm form) {
        DecodedEntry e = decode(raw, level, form);
        if (!e.present()) {
            return NOT_PRESENT;
        }
        if (e.leaf() && e.pageSize() != 0 && e.pageSize() != form.mappedBy(level)) {
            return FULL_WALK; // odd-sized pages (ARM large pages, supersections)
        }
        return e.leaf() ? e.target() | LEAF : e.target();
    }

    /** {@link #step} result: the entry maps nothing. */
    long NOT_PRESENT = -1L;

    /** {@link #step} result: this entry needs the full walk. */
    long FULL_WALK = -2L;

    /** {@link #step} flag: the target is a page, not a table (bit 63 is never part of a physical address). */
    long LEAF = Long.MIN_VALUE;

    /** The top-level table's address from the root register (CR3, TTBR), without its flag bits. */
    long rootTable(long rootRegister);

    /** Whether the virtual address is one the form can translate at all (canonical on x86-64). */
    boolean isValidAddress(long va, PagingForm form);

    /**
     * The full virtual address whose index bits are {@code va}: x86-64 sign-extends from the top bit the
     * form translates; AArch64 sets every bit above it for the kernel's (TTBR1) half.
     */
    default long canonical(long va, PagingForm form, boolean upperHalf) {
        return va;
    }

    /** A one-line explanation of each flag name this format produces, for tooltips and teaching. */
    default String explain(String flag) {
        return flag;
    }
}
