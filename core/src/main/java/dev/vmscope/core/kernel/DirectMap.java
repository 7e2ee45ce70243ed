package dev.vmscope.core.kernel;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds a 32-bit kernel's direct map when VMCOREINFO does not state it: the page-table root is a
 * kernel symbol in the direct map, so for the right {@code PAGE_OFFSET} the root found by subtracting
 * it must map the symbol's own address back onto itself. The candidates are the kernel's usual
 * splits (3G/1G, 3G/1G optimised, 2G/2G, 1G/3G).
 */
final class DirectMap {
    static final List<Long> PAGE_OFFSETS = List.of(0xc0000000L, 0xb0000000L, 0x80000000L, 0x40000000L);

    /** The direct map: {@code va = pa - physOffset + pageOffset}. */
    record Linear(long pageOffset, long physOffset) {
        long physical(long va) {
            return va - pageOffset + physOffset;
        }
    }

    private DirectMap() {
    }

    /** The first candidate under which {@code symbol} (the root table's own address) maps to itself. */
    static Optional<Linear> find(Memory memory, PageTableWalker walker, long symbol) {
        long physOffset = lowestRam(memory);
        for (long pageOffset : PAGE_OFFSETS) {
            for (long phys : List.of(physOffset & ~0xffffffL, physOffset, 0L)) {
                Linear map = new Linear(pageOffset, phys);
                long root = map.physical(symbol);
                if (root < 0 || !memory.isReadable(root, 8)) {
                    continue;
                }
                Translation t = walker.walk(root, symbol);
                if (t.mapping().isPresent() && t.mapping().get().address() == root) {
                    return Optional.of(map);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The kernel facts of a 32-bit kernel whose root is {@code SYMBOL(swapper_pg_dir)} in a direct map
     * that VMCOREINFO does not describe.
     */
    static Optional<KernelFacts> kernelFacts(DumpFacts dump, PagingMode mode) {
        Optional<VmcoreInfo> info = dump.vmcoreinfo();
        OptionalLong symbol = info.map(i -> i.symbol("swapper_pg_dir")).orElse(OptionalLong.empty());
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        long va = symbol.getAsLong();
        PageTableWalker walker = new PageTableWalker(dump.memory(), mode, dump.architecture().byteOrder());
        return find(dump.memory(), walker, va).map(map -> new KernelFacts(
                info.flatMap(VmcoreInfo::osRelease), mode, map.physical(va),
                "VMCOREINFO SYMBOL(swapper_pg_dir)=" + Hex.of(va) + " in the direct map (PAGE_OFFSET "
                        + Hex.of(map.pageOffset()) + ", PHYS_OFFSET " + Hex.of(map.physOffset()) + ")",
                0, 0, List.of(), Optional.of(new KernelFacts.LinearMap(map.pageOffset(), map.physOffset()))));
    }

    static long lowestRam(Memory memory) {
        for (MemoryRange r : memory.ranges()) {
            if (r.kind() == RangeKind.RAM) {
                return r.start();
            }
        }
        return 0;
    }

    static long highestRam(Memory memory) {
        long end = 0;
        for (MemoryRange r : memory.ranges()) {
            if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO || r.kind() == RangeKind.EXCLUDED) {
                end = Math.max(end, r.end());
            }
        }
        return end;
    }
}
