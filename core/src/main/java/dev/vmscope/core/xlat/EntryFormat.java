package dev.vmscope.core.xlat;

/** Decodes one page-table entry of one architecture; everything else about a walk is shared. */
public interface EntryFormat {

    /**
     * @param raw   the entry as read
     * @param level 0 for the top-level table
     * @param form  the paging form being walked
     */
    DecodedEntry decode(long raw, int level, PagingForm form);

    /** The top-level table's address from the root register (CR3, TTBR), without its flag bits. */
    long rootTable(long rootRegister);

    /** Whether the virtual address is one the form can translate at all (canonical on x86-64). */
    boolean isValidAddress(long va, PagingForm form);

    /** A one-line explanation of each flag name this format produces, for tooltips and teaching. */
    default String explain(String flag) {
        return flag;
    }
}
