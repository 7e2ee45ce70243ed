package dev.vmscope.core.format.minidump;

/**
 * What a minidump's page-table array holds, from the header: which paging mode's entries, of which level,
 * how wide, and how much virtual space each maps (sys/&lt;arch&gt;/&lt;arch&gt;/minidump_machdep.c: amd64 writes
 * PTEs in version 1 and page-directory pages from version 2; i386 PTEs, 8 bytes wide with PAE; arm
 * second-level entries in the format {@code mmuformat} names; arm64 level-3 entries).
 *
 * @param name       the array's name in walks
 * @param pagingMode the paging mode's id
 * @param level      the level of that mode whose entries these are (0 = top)
 * @param entrySize  bytes per entry
 * @param spanShift  log2 of the virtual bytes one entry maps
 */
record EntryArrayKind(String name, String pagingMode, int level, int entrySize, int spanShift) {

    static EntryArrayKind of(MinidumpHeader h) {
        return switch (h.arch()) {
            case AMD64 -> h.version() == 1
                    ? new EntryArrayKind("PTE array", "x86_64-4level", 3, 8, 12)
                    : new EntryArrayKind("PDE array", "x86_64-4level", 2, 8, 21);
            case I386 -> h.get("paemode") != 0
                    ? new EntryArrayKind("PTE array", "x86-pae", 2, 8, 12)
                    : new EntryArrayKind("PTE array", "x86-32", 1, 4, 12);
            case ARM -> switch ((int) h.get("mmuformat")) {
                case 1 -> new EntryArrayKind("PTE array", "arm-short-v5", 1, 4, 12);
                case 3 -> new EntryArrayKind("PTE array", "arm-lpae", 2, 8, 12);
                default -> new EntryArrayKind("PTE array", "arm-short", 1, 4, 12);
            };
            case ARM64 -> new EntryArrayKind("L3 array", "aarch64-" + (h.pageSize() >> 10) + "k-48", 3, 8,
                    Long.numberOfTrailingZeros(h.pageSize()));
        };
    }
}
