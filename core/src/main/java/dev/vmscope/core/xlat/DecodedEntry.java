package dev.vmscope.core.xlat;

import java.util.List;

/**
 * What one page-table entry says.
 *
 * @param present  whether the entry maps anything
 * @param leaf     whether it maps a page (4 KiB or huge) rather than pointing to a next table
 * @param target   the next table's address, or the page's base address, in the table's address space
 * @param flags    the set bits by name, in the same words everywhere ({@code present}, {@code rw}, ...)
 * @param pageSize for a leaf whose size is not the level's span (ARM supersections and large pages), its
 *                 size; 0 means "what one entry of this level maps"
 */
public record DecodedEntry(boolean present, boolean leaf, long target, List<String> flags,
                           boolean writable, boolean user, boolean noExecute, long pageSize) {
    public DecodedEntry {
        flags = List.copyOf(flags);
    }

    public DecodedEntry(boolean present, boolean leaf, long target, List<String> flags,
                        boolean writable, boolean user, boolean noExecute) {
        this(present, leaf, target, flags, writable, user, noExecute, 0);
    }

    public static DecodedEntry notPresent(List<String> flags) {
        return new DecodedEntry(false, false, 0, flags, false, false, false, 0);
    }
}
