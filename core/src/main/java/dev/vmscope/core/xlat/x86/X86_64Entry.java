package dev.vmscope.core.xlat.x86;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An x86-64 (IA-32e) page-table entry, 4- or 5-level (Intel SDM vol. 3, 4.5): present, R/W, U/S, PWT,
 * PCD, accessed, dirty, PS (PDPT and PD) or PAT (PT), global, protection key, XD. The frame address
 * is bits 12 up to MAXPHYADDR-1, less the SME encryption bit; huge pages drop their PAT bit (12).
 */
public final class X86_64Entry implements EntryFormat {
    private static final Map<String, String> EXPLAIN = Map.ofEntries(
            Map.entry("present", "P (bit 0): the entry is valid; clear means any access faults"),
            Map.entry("rw", "R/W (bit 1): writes allowed (for supervisor code too when CR0.WP is set)"),
            Map.entry("user", "U/S (bit 2): user-mode (CPL 3) accesses allowed"),
            Map.entry("pwt", "PWT (bit 3): page-level write-through"),
            Map.entry("pcd", "PCD (bit 4): page-level cache disable"),
            Map.entry("accessed", "A (bit 5): set by the CPU when the entry was used"),
            Map.entry("dirty", "D (bit 6): set by the CPU when the page was written"),
            Map.entry("ps", "PS (bit 7): this entry maps a huge page instead of pointing to a table"),
            Map.entry("pat", "PAT: selects the memory type together with PCD and PWT"),
            Map.entry("global", "G (bit 8): the translation survives a CR3 switch (kernel pages)"),
            Map.entry("nx", "XD (bit 63): instruction fetches from this region fault"),
            Map.entry("pkey", "bits 59-62: protection key (with CR4.PKE/PKS)"));

    private final long frameMask;

    /**
     * @param maxPhysBits the CPU's MAXPHYADDR (52 when unknown: bits above it are reserved, so zero in valid entries)
     * @param smeMask     the AMD SME/SEV encryption bit the kernel sets in entries, or 0
     */
    public X86_64Entry(int maxPhysBits, long smeMask) {
        long physMask = maxPhysBits >= 64 ? -1L : (1L << maxPhysBits) - 1;
        this.frameMask = physMask & ~0xfffL & ~smeMask;
    }

    public static X86_64Entry standard() {
        return new X86_64Entry(52, 0);
    }

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        boolean last = level == form.depth() - 1;
        boolean present = (raw & 1) != 0;
        boolean ps = !last && level >= form.depth() - 3 && (raw & 0x80) != 0;
        boolean leaf = last || ps;
        List<String> flags = new ArrayList<>();
        if (present) {
            flags.add("present");
        }
        if ((raw & 2) != 0) {
            flags.add("rw");
        }
        if ((raw & 4) != 0) {
            flags.add("user");
        }
        if ((raw & 8) != 0) {
            flags.add("pwt");
        }
        if ((raw & 0x10) != 0) {
            flags.add("pcd");
        }
        if ((raw & 0x20) != 0) {
            flags.add("accessed");
        }
        if (leaf && (raw & 0x40) != 0) {
            flags.add("dirty");
        }
        if (ps) {
            flags.add("ps");
        } else if (last && (raw & 0x80) != 0) {
            flags.add("pat");
        }
        if (ps && (raw & 0x1000) != 0) {
            flags.add("pat");
        }
        if (leaf && (raw & 0x100) != 0) {
            flags.add("global");
        }
        long pkey = (raw >>> 59) & 0xf;
        if (leaf && pkey != 0) {
            flags.add("pkey=" + pkey);
        }
        if (raw < 0) {
            flags.add("nx");
        }
        if (!present) {
            return DecodedEntry.notPresent(flags);
        }
        long target = raw & frameMask;
        if (ps) {
            target &= ~(form.mappedBy(level) - 1);
        }
        return new DecodedEntry(true, leaf, target, flags, (raw & 2) != 0, (raw & 4) != 0, raw < 0);
    }

    @Override
    public long rootTable(long cr3) {
        return cr3 & frameMask;
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        int bits = form.vaBits();
        long extended = (va << (64 - bits)) >> (64 - bits);
        return extended == va;
    }

    @Override
    public String explain(String flag) {
        String key = flag.startsWith("pkey=") ? "pkey" : flag;
        return EXPLAIN.getOrDefault(key, flag);
    }
}
