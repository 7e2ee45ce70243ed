package dev.vmscope.core.xlat;

import dev.vmscope.core.Hex;

import java.util.List;
import java.util.Objects;

/**
 * A kernel's address space as a map of ranges to translation methods (DESIGN.md): the first region that
 * holds an address translates it; an address in none of them is an invalid address. The memory-map view
 * draws the regions.
 *
 * @param mode the paging mode the address space is in, for translations that fall in no region
 */
public record AddressSpaceMap(List<Region> regions, PagingMode mode) {

    /**
     * One range and its method.
     *
     * @param last the last address of the range, inclusive (a range may end at the top of the space)
     */
    public record Region(long start, long last, String name, TranslationMethod method) {
        public Region {
            Objects.requireNonNull(name);
            Objects.requireNonNull(method);
            if (Long.compareUnsigned(last, start) < 0) {
                throw new IllegalArgumentException(name + ": last " + Hex.of(last) + " below start " + Hex.of(start));
            }
        }

        public boolean contains(long va) {
            return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, last) <= 0;
        }
    }

    public AddressSpaceMap {
        regions = List.copyOf(regions);
        Objects.requireNonNull(mode);
    }

    public Translation translate(long va) {
        for (Region r : regions) {
            if (r.contains(va)) {
                return r.method().translate(va);
            }
        }
        return new Translation(va, 0, mode, List.of(), new WalkResult.Fault(FaultKind.INVALID_ADDRESS, null,
                "not in the dump's kernel map", Hex.of(va) + " is in none of: "
                + String.join(", ", regions.stream().map(r -> r.name() + " " + Hex.of(r.start()) + "-" + Hex.of(r.last())).toList())));
    }
}
