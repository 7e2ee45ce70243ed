package dev.vmscope.core.kernel;

import dev.vmscope.core.Hex;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The AArch64 Linux kernel from VMCOREINFO: the granule from {@code PAGESIZE}, the virtual-address width
 * from {@code TCR_EL1_T1SZ} (or {@code VA_BITS}), the kernel image's offset {@code kimage_voffset}
 * (image VA = PA + kimage_voffset, so {@code swapper_pg_dir}'s PA is its VA minus it), and the linear map
 * {@code PA = (VA & ~PAGE_OFFSET) + PHYS_OFFSET} with PAGE_OFFSET = -(1 << VA_BITS) (PHYS_OFFSET can be
 * negative when the linear map is randomised).
 */
public final class Aarch64Kernel implements KernelBootstrap {

    @Override
    public PagingMode pagingMode(DumpFacts dump) {
        Optional<VmcoreInfo> info = dump.vmcoreinfo();
        long pageSize = info.map(i -> i.pageSize().orElse(4096)).orElse(4096L);
        int pageShift = Long.numberOfTrailingZeros(pageSize);
        if (pageSize != 4096 && pageSize != 16384 && pageSize != 65536) {
            throw new ImpossibleKernelException("VMCOREINFO PAGESIZE=" + pageSize + " is not an AArch64 granule (4096, 16384 or 65536)");
        }
        long vaBits = info.map(Aarch64Kernel::vaBits).orElse(48L);
        if (!PagingModes.aarch64Translates(pageShift, vaBits)) {
            throw new ImpossibleKernelException("VMCOREINFO gives " + vaBits + " virtual-address bits; with the "
                    + (pageSize >> 10) + " KiB granule AArch64 translates " + PagingModes.aarch64FewestVaBits(pageShift) + " to 52");
        }
        long physBits = info.map(i -> i.number("MAX_PHYSMEM_BITS").orElse(48)).orElse(48L);
        // 52-bit output changes the descriptor format only with the 64 KiB granule (FEAT_LPA: bits 15:12
        // are RES0 otherwise); with 4 and 16 KiB it takes TCR.DS = 1, which Linux sets exactly when it runs
        // with 52-bit VAs (a kernel built for 52 bits falls back to 48 and DS = 0 on a CPU without LPA2)
        boolean lpa = physBits > 48 && pageShift == 16;
        return PagingModes.aarch64(pageShift, (int) vaBits, lpa ? 52 : 48);
    }

    private static long vaBits(VmcoreInfo i) {
        OptionalLong t1sz = i.number("TCR_EL1_T1SZ");
        if (t1sz.isPresent() && t1sz.getAsLong() > 0 && t1sz.getAsLong() < 48) {
            return 64 - t1sz.getAsLong();
        }
        return i.number("VA_BITS").orElse(48);
    }

    @Override
    public Optional<KernelFacts> fromVmcoreInfo(DumpFacts dump, PagingMode mode) {
        return dump.vmcoreinfo().flatMap(info -> {
            OptionalLong pgd = info.symbol("swapper_pg_dir");
            OptionalLong voffset = info.number("kimage_voffset");
            if (pgd.isEmpty() || voffset.isEmpty()) {
                return Optional.empty();
            }
            long root = pgd.getAsLong() - voffset.getAsLong();
            return Optional.of(new KernelFacts(info.osRelease(), mode, root,
                    "VMCOREINFO SYMBOL(swapper_pg_dir)=" + Hex.of(pgd.getAsLong()) + " - NUMBER(kimage_voffset) "
                            + Hex.of(voffset.getAsLong()),
                    info.kernelOffset().orElse(0), info.number("PHYS_OFFSET").orElse(0), List.of()));
        });
    }

    @Override
    public List<VirtualRegion> layout(DumpFacts dump, PageTableWalker walker, KernelFacts facts) {
        int vaBits = facts.mode().form().vaBits();
        long pageOffset = -(1L << vaBits);
        long ramEnd = DirectMap.highestRam(dump.memory());
        long physOffset = facts.physBase();
        List<VirtualRegion> out = new ArrayList<>();
        long lowest = DirectMap.lowestRam(dump.memory());
        out.add(new VirtualRegion(pageOffset + (lowest - physOffset), pageOffset + (ramEnd - physOffset), "direct map",
                "PAGE_OFFSET " + Hex.of(pageOffset) + ", NUMBER(PHYS_OFFSET) " + Hex.of(physOffset)));
        dump.vmcoreinfo().flatMap(i -> box(i.number("kimage_voffset"))).ifPresent(voffset -> {
            long start = lowest + voffset;
            dump.vmcoreinfo().flatMap(i -> box(i.symbol("_stext"))).ifPresent(stext ->
                    out.add(new VirtualRegion(stext, stext + (64L << 20), "kernel text",
                            "SYMBOL(_stext); image at PA + kimage_voffset (" + Hex.of(start) + " maps the lowest RAM)")));
        });
        return out;
    }

    private static Optional<Long> box(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
