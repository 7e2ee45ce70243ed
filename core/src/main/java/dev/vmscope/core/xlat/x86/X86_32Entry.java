package dev.vmscope.core.xlat.x86;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;

/**
 * A 32-bit (non-PAE) x86 page-table entry (Intel SDM vol. 3, 4.3): a 2-level walk {12, 10, 10} of 4-byte
 * entries. A PDE with PS=1 (CR4.PSE, which Linux sets) maps 4 MiB: bits 31:22 give the address and, with
 * PSE-36, bits 20:13 give physical address bits 39:32.
 */
public final class X86_32Entry implements EntryFormat {

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        long e = raw & 0xffff_ffffL;
        boolean last = level == form.depth() - 1;
        boolean large = !last && (e & X86Bits.PS) != 0;
        boolean leaf = last || large;
        var flags = X86Bits.flags(e, leaf, large, false);
        if ((e & X86Bits.PRESENT) == 0) {
            return DecodedEntry.notPresent(flags);
        }
        long target = large ? (e & 0xffc0_0000L) | ((e >>> 13) & 0xffL) << 32 : e & 0xffff_f000L;
        return new DecodedEntry(true, leaf, target, flags, (e & X86Bits.RW) != 0, (e & X86Bits.USER) != 0, false);
    }

    @Override
    public long rootTable(long cr3) {
        return cr3 & 0xffff_f000L;
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
