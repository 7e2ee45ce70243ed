package dev.vmscope.core.xen;

import java.util.OptionalLong;

/**
 * One 64-bit entry of a PV guest's pfn-to-mfn list, decoded as Linux writes it
 * ({@code arch/x86/include/asm/xen/page.h}): {@code ~0} is invalid, bit 63 marks a foreign frame,
 * bit 62 an identity (1:1) frame; the rest is the machine frame number. An invalid entry has no frame.
 *
 * @param mfn the machine frame, present exactly when {@code kind.backed()}
 */
public record P2mEntry(long raw, P2mKind kind, OptionalLong mfn) {
    public static final long INVALID = -1L;
    public static final long FOREIGN_BIT = 1L << 63;
    public static final long IDENTITY_BIT = 1L << 62;
    /** Machine frame numbers have at most 40 bits (52-bit machine addresses, 4 KiB frames). */
    public static final long MAX_MFN = (1L << 40) - 1;

    public P2mEntry {
        if (kind.backed() != mfn.isPresent()) {
            throw new IllegalArgumentException(kind + " entry " + (mfn.isPresent() ? "with" : "without") + " a frame");
        }
    }

    /**
     * @param pfn the pfn this entry is for: an identity entry means mfn == pfn, whatever low bits it holds
     *            (Linux shares one page of identity entries between many pfn ranges)
     */
    public static P2mEntry decode(long raw, long pfn) {
        P2mKind kind = kind(raw, pfn);
        return new P2mEntry(raw, kind, kind.backed() ? OptionalLong.of(frame(raw, pfn)) : OptionalLong.empty());
    }

    /** The kind of entry {@code raw} for {@code pfn}, as {@link #decode} gives it, without making the entry. */
    static P2mKind kind(long raw, long pfn) {
        if (raw == INVALID) {
            return P2mKind.INVALID;
        }
        long mfn = frame(raw, pfn);
        if (mfn < 0 || mfn > MAX_MFN) {
            return P2mKind.INVALID;
        }
        return (raw & FOREIGN_BIT) != 0 ? P2mKind.FOREIGN : (raw & IDENTITY_BIT) != 0 ? P2mKind.IDENTITY : P2mKind.MAPPED;
    }

    /** The machine frame a backed entry names (meaningful only when {@link #kind} is backed). */
    static long frame(long raw, long pfn) {
        if ((raw & FOREIGN_BIT) != 0) {
            return raw & ~(FOREIGN_BIT | IDENTITY_BIT);
        }
        return (raw & IDENTITY_BIT) != 0 ? pfn : raw;
    }
}
