package dev.vmscope.core.kernel;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.Translation;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The x86-64 kernel's virtual layout. Fixed regions come from the architecture's memory map
 * (Documentation/arch/x86/x86_64/mm.rst); the KASLR-randomised bases are read from the dump: the
 * direct map by translating a VMCOREINFO pointer that lies in it, vmemmap from the first
 * {@code mem_section}'s memory map, vmalloc from the first entry of {@code vmap_area_list}.
 */
public final class X86_64Layout {
    private static final long GIB = 1L << 30;

    private final Memory memory;
    private final PageTableWalker walker;
    private final long root;
    private final VmcoreInfo info;

    public X86_64Layout(Memory memory, PageTableWalker walker, long root, VmcoreInfo info) {
        this.memory = memory;
        this.walker = walker;
        this.root = root;
        this.info = info;
    }

    public List<VirtualRegion> regions() {
        List<VirtualRegion> out = new ArrayList<>();
        boolean fiveLevel = walker.mode().form().depth() == 5;
        long imageSize = info.number("KERNEL_IMAGE_SIZE").orElse(512L << 20);
        long modulesStart = X86_64Kernel.START_KERNEL_MAP + imageSize;
        String arch = "x86-64 memory map";
        out.add(new VirtualRegion(X86_64Kernel.START_KERNEL_MAP, modulesStart, "kernel text",
                "__START_KERNEL_map + NUMBER(KERNEL_IMAGE_SIZE)"));
        out.add(new VirtualRegion(modulesStart, 0xffffffffff000000L, "modules", arch));
        out.add(new VirtualRegion(0xffffffffff000000L, 0xffffffffff800000L, "fixmap", arch));
        long cea = fiveLevel ? 0xfffffe0000000000L : 0xfffffe0000000000L;
        out.add(new VirtualRegion(cea, cea + (1L << 39), "cpu entry area", arch));
        out.add(new VirtualRegion(0xffffff0000000000L, 0xffffff8000000000L, "espfix", arch));
        directMap().ifPresent(out::add);
        vmemmap().ifPresent(out::add);
        vmalloc().ifPresent(out::add);
        out.sort(Comparator.comparing(VirtualRegion::start, Long::compareUnsigned));
        return out;
    }

    private Optional<VirtualRegion> directMap() {
        OptionalLong pointer = info.symbol("mem_section");
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        long va = pointer.getAsLong();
        Translation t = walker.walk(root, va);
        if (t.mapping().isEmpty()) {
            return Optional.empty();
        }
        long base = va - t.mapping().get().address();
        long end = base + directMappedEnd(base);
        return Optional.of(new VirtualRegion(base, end, "direct map",
                "SYMBOL(mem_section) " + Hex.of(va) + " maps physical " + Hex.of(t.mapping().get().address())));
    }

    /**
     * The end of the highest range of the dump that the direct map maps: firmware ranges a dump may
     * hold (a BIOS image below 4 GiB) are not RAM and the kernel does not map them there.
     */
    private long directMappedEnd(long base) {
        List<MemoryRange> ranges = memory.ranges();
        for (int i = ranges.size() - 1; i >= 0; i--) {
            MemoryRange r = ranges.get(i);
            if (r.kind() != RangeKind.HOLE && walker.walk(root, base + r.start()).mapped()) {
                return r.end();
            }
        }
        return physicalEnd();
    }

    private Optional<VirtualRegion> vmemmap() {
        OptionalLong pointer = info.symbol("mem_section");
        OptionalLong structPage = info.size("page");
        if (pointer.isEmpty() || structPage.isEmpty()) {
            return Optional.empty();
        }
        try {
            long firstRoot = readVirtual(pointer.getAsLong());
            long sectionMemMap = readVirtual(firstRoot + info.offset("mem_section.section_mem_map").orElse(0));
            long base = sectionMemMap & ~0xfffL;
            if (base >= 0) {
                return Optional.empty();
            }
            long pages = physicalEnd() / 4096;
            return Optional.of(new VirtualRegion(base, base + pages * structPage.getAsLong(), "vmemmap",
                    "mem_section[0].section_mem_map"));
        } catch (MemoryAccessException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private Optional<VirtualRegion> vmalloc() {
        OptionalLong list = info.symbol("vmap_area_list");
        OptionalLong listOffset = info.offset("vmap_area.list");
        if (list.isEmpty() || listOffset.isEmpty()) {
            return Optional.empty();
        }
        try {
            long first = readVirtual(list.getAsLong()) - listOffset.getAsLong();
            long vaStart = readVirtual(first + info.offset("vmap_area.va_start").orElse(0));
            if (vaStart >= 0) {
                return Optional.empty();
            }
            long base = vaStart & ~(GIB - 1);
            long size = walker.mode().form().depth() == 5 ? 12800L << 40 : 32L << 40;
            return Optional.of(new VirtualRegion(base, base + size, "vmalloc",
                    "first vmap_area_list entry " + Hex.of(vaStart) + ", rounded down to 1 GiB"));
        } catch (MemoryAccessException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private long readVirtual(long va) {
        Translation t = walker.walk(root, va);
        return t.mapping()
                .map(m -> memory.readLong(m.address(), ByteOrder.LITTLE_ENDIAN))
                .orElseThrow(() -> new IllegalStateException("not mapped: " + Hex.of(va)));
    }

    private long physicalEnd() {
        long end = 0;
        for (MemoryRange r : memory.ranges()) {
            if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO) {
                end = Math.max(end, r.end());
            }
        }
        return end;
    }
}
