package dev.vmscope.core.xlat.x86;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;

/**
 * A PAE page-table entry (Intel SDM vol. 3, 4.4): 64-bit entries in a 3-level walk {12, 9, 9, 2}. The four
 * PDPTEs hold only P, PWT and PCD (no R/W or U/S: they never restrict access); a PDE with PS=1 maps
 * 2 MiB; XD is bit 63. CR3 holds the PDPT's address with 32-byte alignment.
 */
public final class X86PaeEntry implements EntryFormat {
    private static final long FRAME = 0x000f_ffff_ffff_f000L;
    private static final long PROTECTION_KEY = 0x7800_0000_0000_0000L;

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        boolean present = (raw & X86Bits.PRESENT) != 0;
        if (level == 0) {
            List<String> flags = new ArrayList<>();
            if (present) {
                flags.add("present");
            }
            if ((raw & 8) != 0) {
                flags.add("pwt");
            }
            if ((raw & 0x10) != 0) {
                flags.add("pcd");
            }
            return present ? new DecodedEntry(true, false, raw & FRAME, flags, true, true, false)
                    : DecodedEntry.notPresent(flags);
        }
        boolean last = level == form.depth() - 1;
        boolean large = !last && (raw & X86Bits.PS) != 0;
        boolean leaf = last || large;
        // bits 62:52 are reserved in PAE entries: protection keys (62:59) exist only in IA-32e paging
        var flags = X86Bits.flags(raw & ~PROTECTION_KEY, leaf, large, true);
        if (!present) {
            return DecodedEntry.notPresent(flags);
        }
        long target = raw & FRAME;
        if (large) {
            target &= ~(form.mappedBy(level) - 1);
        }
        return new DecodedEntry(true, leaf, target, flags, (raw & X86Bits.RW) != 0, (raw & X86Bits.USER) != 0, raw < 0);
    }

    @Override
    public long rootTable(long cr3) {
        return cr3 & 0xffff_ffe0L;
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        return (va >>> 32) == 0;
    }

    @Override
    public String explain(String flag) {
        return X86Bits.explain(flag);
    }
}
