package dev.vmscope.core.xlat.x86;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;

/**
 * An x86-64 (IA-32e) page-table entry, 4- or 5-level (Intel SDM vol. 3, 4.5): PS is meaningful in PDPT
 * (1 GiB) and PD (2 MiB) entries; the frame address is bits 12 up to MAXPHYADDR-1, less the SME
 * encryption bit; large pages drop their PAT bit (12) from the address.
 */
public final class X86_64Entry implements EntryFormat {
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
        boolean large = !last && level >= form.depth() - 3 && (raw & X86Bits.PS) != 0;
        boolean leaf = last || large;
        var flags = X86Bits.flags(raw, leaf, large, true);
        if ((raw & X86Bits.PRESENT) == 0) {
            return DecodedEntry.notPresent(flags);
        }
        long target = raw & frameMask;
        if (large) {
            target &= ~(form.mappedBy(level) - 1);
        }
        return new DecodedEntry(true, leaf, target, flags, (raw & X86Bits.RW) != 0, (raw & X86Bits.USER) != 0, raw < 0);
    }

    @Override
    public long step(long raw, int level, PagingForm form) {
        if ((raw & X86Bits.PRESENT) == 0) {
            return NOT_PRESENT;
        }
        int depth = form.depth();
        if (level == depth - 1) {
            return (raw & frameMask) | LEAF;
        }
        if (level >= depth - 3 && (raw & X86Bits.PS) != 0) {
            return (raw & frameMask & ~(form.mappedBy(level) - 1)) | LEAF;
        }
        return raw & frameMask;
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
    public long canonical(long va, PagingForm form, boolean upperHalf) {
        int bits = form.vaBits();
        return (va << (64 - bits)) >> (64 - bits);
    }

    @Override
    public String explain(String flag) {
        return X86Bits.explain(flag);
    }
}
