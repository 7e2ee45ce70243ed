package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;

/**
 * {@code struct arch_shared_info} of an x86-64 PV domain (Xen's {@code public/arch-x86/xen.h}): what the
 * domain tells tools about its p2m. It sits at offset {@link #OFFSET} of the domain's shared-info page,
 * after 32 {@code vcpu_info} of 64 bytes, the 64-word event-channel pending and mask arrays and the
 * four 32-bit wall-clock words.
 *
 * @param sharedInfo    the shared-info page
 * @param maxPfn        pfns the p2m holds ({@code xen_p2m_last_pfn} in Linux)
 * @param frameListList the frame-list-list's machine frame, ~0 when the p2m is only linear
 * @param p2mCr3        the CR3 value of the address space mapping the linear p2m (0 from kernels before 4.x)
 * @param p2mVaddr      the linear p2m's virtual address
 */
public record ArchSharedInfo(Address sharedInfo, long maxPfn, long frameListList, long nmiReason, long p2mCr3,
                             long p2mVaddr, long p2mGeneration) {
    /** Offset of {@code arch} in the x86-64 {@code shared_info}: 32·64 + 64·8 + 64·8 + 4·4. */
    public static final int OFFSET = 32 * 64 + 64 * 8 + 64 * 8 + 4 * 4;
    public static final int SIZE = 6 * 8;

    public static ArchSharedInfo read(Memory machine, long sharedInfo, ByteOrder order) {
        byte[] b = machine.read(sharedInfo + OFFSET, SIZE);
        return new ArchSharedInfo(Address.machine(sharedInfo), Bytes.u64(b, 0, order), Bytes.u64(b, 8, order),
                Bytes.u64(b, 16, order), Bytes.u64(b, 24, order), Bytes.u64(b, 32, order), Bytes.u64(b, 40, order));
    }

    /** Whether the domain publishes only the linear p2m (frame-list-list ~0). */
    public boolean linearOnly() {
        return frameListList == P2mEntry.INVALID;
    }

    /** Whether the words look like an arch_shared_info at all: a sane max_pfn, a page-aligned CR3, a kernel-half list address. */
    public boolean plausible() {
        return maxPfn > 0 && maxPfn <= LeafScan.MAX_PFNS << 10 && (p2mCr3 & 0xfff) == 0 && (p2mVaddr == 0 || p2mVaddr < 0);
    }

    @Override
    public String toString() {
        return "arch_shared_info at machine " + Hex.of(sharedInfo.value() + OFFSET) + ": max_pfn " + Hex.of(maxPfn)
                + ", frame-list-list " + Hex.of(frameListList) + ", p2m_cr3 " + Hex.of(p2mCr3) + ", p2m_vaddr " + Hex.of(p2mVaddr);
    }
}
