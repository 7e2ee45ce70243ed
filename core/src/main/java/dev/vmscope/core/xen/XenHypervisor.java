package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.x86.X86_64Entry;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Xen's own view of an x86-64 host: its page-table root, walks of its virtual addresses, reads through
 * them, and the fixed regions of its layout ({@code xen/arch/x86/include/asm/config.h}): the read-only
 * m2p at {@code 0xffff800000000000} (PML4 slot 256), the Xen image, and the 1:1 direct map at
 * {@code 0xffff830000000000}. Every walk happens in machine memory.
 */
public final class XenHypervisor {
    /** {@code RO_MPT_VIRT_START}: the machine-to-phys table every PV guest can read. */
    public static final long M2P_START = 0xffff800000000000L;
    /** {@code RO_MPT_VIRT_END}: half a PML4 slot, 2^35 eight-byte entries. */
    public static final long M2P_END = M2P_START + (1L << 38);
    /** {@code DIRECTMAP_VIRT_START} (without CONFIG_BIGMEM). */
    public static final long DIRECTMAP_START = 0xffff830000000000L;
    public static final long DIRECTMAP_END = 0xffff880000000000L;
    /** {@code XEN_VIRT_START} over the years: 4.15 and later, 4.3 to 4.14, before 4.3. */
    static final long[] IMAGE_STARTS = {0xffff82d040000000L, 0xffff82d080000000L, 0xffff82c480000000L};
    /** The Xen image region is 1 GiB. */
    static final long IMAGE_SIZE = 1L << 30;
    static final PagingMode MODE = PagingModes.x86_64(false, X86_64Entry.standard());

    private final Memory machine;
    private final ByteOrder order;
    private final PageTableWalker walker;
    private final Address root;
    private final String rootOrigin;
    private final OptionalLong imageStart;

    private XenHypervisor(Memory machine, ByteOrder order, Address root, String rootOrigin, OptionalLong imageStart) {
        this.machine = machine;
        this.order = order;
        this.walker = new PageTableWalker(machine, MODE, order);
        this.root = root;
        this.rootOrigin = rootOrigin;
        this.imageStart = imageStart;
    }

    /**
     * Finds Xen's page-table root: {@code pgd_l4} (Xen's idle page table, from VMCOREINFO_XEN) placed in
     * machine memory by {@code xen_phys_start}, accepted only when the table maps its own address; else
     * the CR3 of a CPU whose page tables map Xen's slots (every PV guest's do).
     */
    public static Finding<XenHypervisor> locate(Memory machine, XenFacts facts, List<CpuState> cpus, ByteOrder order) {
        OptionalLong pgd = facts.symbol("pgd_l4");
        Optional<Address> physStart = facts.physStart();
        if (pgd.isPresent() && physStart.isPresent()) {
            for (long start : IMAGE_STARTS) {
                long offset = pgd.getAsLong() - start;
                if (offset < 0 || offset >= IMAGE_SIZE) {
                    continue;
                }
                long candidate = physStart.get().value() + offset;
                if (mapsTo(machine, order, candidate, pgd.getAsLong(), candidate)) {
                    String how = "SYMBOL(pgd_l4)=" + Hex.of(pgd.getAsLong()) + " at xen_phys_start " + Hex.of(physStart.get().value())
                            + " + " + Hex.of(offset) + " (image at " + Hex.of(start) + "); the table maps itself there";
                    return Finding.found(new XenHypervisor(machine, order, Address.machine(candidate), how, OptionalLong.of(start)), how);
                }
            }
        }
        long probe = pgd.orElse(M2P_START);
        for (CpuState c : cpus) {
            if (!c.source().equals(CpuState.XEN_CRASH_REGS) || c.pageTableRoot().isEmpty()) {
                continue;
            }
            long cr3 = c.pageTableRoot().get() & ~0xfffL;
            Translation t = new PageTableWalker(machine, MODE, order).walk(cr3, probe);
            if (t.mapped()) {
                String how = "CR3 of CPU " + c.cpu() + " (XEN_CRASH_REGS note), which maps " + Hex.of(probe);
                return Finding.found(new XenHypervisor(machine, order, Address.machine(cr3), how, OptionalLong.empty()), how);
            }
        }
        return Finding.missing(pgd.isEmpty() ? "no SYMBOL(pgd_l4) in VMCOREINFO_XEN and no CPU's CR3 maps Xen's m2p"
                : "neither pgd_l4 placed by xen_phys_start nor any CPU's CR3 maps " + Hex.of(probe));
    }

    private static boolean mapsTo(Memory machine, ByteOrder order, long root, long va, long expected) {
        if (!machine.isReadable(root, 4096)) {
            return false;
        }
        Translation t = new PageTableWalker(machine, MODE, order).walk(root, va);
        return t.mapping().map(m -> m.address() == expected).orElse(false);
    }

    public Address root() {
        return root;
    }

    /** How the root was found, in words. */
    public String rootOrigin() {
        return rootOrigin;
    }

    public PagingMode mode() {
        return MODE;
    }

    /** Walks one of Xen's virtual addresses from its root. */
    public Translation translate(long va) {
        return walker.walk(root.value(), va);
    }

    /** The machine address of a Xen virtual address, when mapped. */
    public Optional<Address> machineAddress(long va) {
        return translate(va).mapping().map(m -> Address.machine(m.address()));
    }

    /**
     * Reads bytes at a Xen virtual address, page by page.
     *
     * @throws dev.vmscope.core.UnmappedAddressException when a page is not mapped
     * @throws MemoryAccessException when a mapped page is not in the dump
     */
    public byte[] read(long va, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = va + done;
            Translation t = translate(at);
            if (!(t.result() instanceof WalkResult.Mapped m)) {
                throw new dev.vmscope.core.UnmappedAddressException(t);
            }
            int n = (int) Math.min(length - done, m.pageSize() - (at & (m.pageSize() - 1)));
            machine.read(m.address(), out, done, n);
            done += n;
        }
        return out;
    }

    /** An 8-byte word at a Xen virtual address, when it can be read. */
    public OptionalLong readLong(long va) {
        try {
            return OptionalLong.of(Bytes.u64(read(va, 8), 0, order));
        } catch (MemoryAccessException | dev.vmscope.core.UnmappedAddressException e) {
            return OptionalLong.empty();
        }
    }

    /** Machine address of a direct-map address: {@code va - DIRECTMAP_START}, without a walk. */
    public static Optional<Address> directMap(long va) {
        return Long.compareUnsigned(va, DIRECTMAP_START) >= 0 && Long.compareUnsigned(va, DIRECTMAP_END) < 0
                ? Optional.of(Address.machine(va - DIRECTMAP_START)) : Optional.empty();
    }

    /** The fixed regions of Xen's layout that vmscope knows. */
    public List<XenRegion> regions(Optional<Address> physStart) {
        String cfg = "Xen x86-64 layout (asm/config.h)";
        List<XenRegion> out = new ArrayList<>();
        out.add(new XenRegion(M2P_START, M2P_END, "read-only m2p", OptionalLong.empty(), cfg));
        if (imageStart.isPresent() && physStart.isPresent()) {
            long s = imageStart.getAsLong();
            out.add(new XenRegion(s, s + IMAGE_SIZE, "Xen image", OptionalLong.of(s - physStart.get().value()),
                    "XEN_VIRT_START " + Hex.of(s) + " maps xen_phys_start " + Hex.of(physStart.get().value())));
        }
        out.add(new XenRegion(DIRECTMAP_START, DIRECTMAP_END, "direct map", OptionalLong.of(DIRECTMAP_START), cfg));
        return out;
    }
}
