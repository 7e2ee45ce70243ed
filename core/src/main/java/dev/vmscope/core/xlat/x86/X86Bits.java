package dev.vmscope.core.xlat.x86;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flag bits x86 page-table entries share in every paging mode (Intel SDM vol. 3, 4.3–4.5): the low
 * twelve bits have the same meaning in 32-bit, PAE and IA-32e entries; XD and protection keys exist only
 * in 64-bit entries.
 */
final class X86Bits {
    static final long PRESENT = 1;
    static final long RW = 1 << 1;
    static final long USER = 1 << 2;
    static final long PS = 1 << 7;

    static final Map<String, String> EXPLAIN = Map.ofEntries(
            Map.entry("present", "P (bit 0): the entry is valid; clear means any access faults"),
            Map.entry("rw", "R/W (bit 1): writes allowed (for supervisor code too when CR0.WP is set)"),
            Map.entry("user", "U/S (bit 2): user-mode (CPL 3) accesses allowed"),
            Map.entry("pwt", "PWT (bit 3): page-level write-through"),
            Map.entry("pcd", "PCD (bit 4): page-level cache disable"),
            Map.entry("accessed", "A (bit 5): set by the CPU when the entry was used"),
            Map.entry("dirty", "D (bit 6): set by the CPU when the page was written"),
            Map.entry("ps", "PS (bit 7): this entry maps a large page instead of pointing to a table"),
            Map.entry("pat", "PAT (bit 7 of a PTE, bit 12 of a large page): selects the memory type with PCD and PWT"),
            Map.entry("global", "G (bit 8): the translation survives a CR3 switch (kernel pages)"),
            Map.entry("nx", "XD (bit 63): instruction fetches from this region fault"),
            Map.entry("pkey", "bits 59-62: protection key (with CR4.PKE/PKS)"));

    private X86Bits() {
    }

    /**
     * Names the set bits of an entry.
     *
     * @param leaf  the entry maps a page (a PTE, or a PS=1 entry)
     * @param large the entry is a PS=1 large page (bit 7 is PS and bit 12 is PAT)
     * @param wide  a 64-bit entry (XD and protection keys exist)
     */
    static List<String> flags(long raw, boolean leaf, boolean large, boolean wide) {
        List<String> flags = new ArrayList<>();
        add(flags, raw, PRESENT, "present");
        add(flags, raw, RW, "rw");
        add(flags, raw, USER, "user");
        add(flags, raw, 1 << 3, "pwt");
        add(flags, raw, 1 << 4, "pcd");
        add(flags, raw, 1 << 5, "accessed");
        if (leaf) {
            add(flags, raw, 1 << 6, "dirty");
        }
        if (large) {
            flags.add("ps");
            add(flags, raw, 1 << 12, "pat");
        } else if (leaf) {
            add(flags, raw, PS, "pat");
        }
        if (leaf) {
            add(flags, raw, 1 << 8, "global");
        }
        if (wide) {
            long pkey = (raw >>> 59) & 0xf;
            if (leaf && pkey != 0) {
                flags.add("pkey=" + pkey);
            }
            if (raw < 0) {
                flags.add("nx");
            }
        }
        return flags;
    }

    static String explain(String flag) {
        String key = flag.startsWith("pkey=") ? "pkey" : flag;
        return EXPLAIN.getOrDefault(key, flag);
    }

    private static void add(List<String> flags, long raw, long bit, String name) {
        if ((raw & bit) != 0) {
            flags.add(name);
        }
    }
}
