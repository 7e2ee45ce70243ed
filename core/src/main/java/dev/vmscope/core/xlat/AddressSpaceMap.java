package dev.vmscope.core.xlat;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.ArrayList;
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

    /**
     * Every mapping of the map, coalesced as a ptdump shows them, in address order; an address an earlier
     * region holds is left out of the later ones. A linear region is one range of pages of the mode's size.
     *
     * @param tables the memory the tables below an array's entries are read from
     */
    public PageTableDump.Result mappings(Memory tables, ByteOrder order, Progress progress) {
        return mappings(tables, order, progress, PageTableDump.Limits.DEFAULT);
    }

    /** As {@link #mappings(Memory, ByteOrder, Progress)}, each region's tables within the given budget. */
    public PageTableDump.Result mappings(Memory tables, ByteOrder order, Progress progress, PageTableDump.Limits limits) {
        List<MappingRange> out = new ArrayList<>();
        String truncated = null;
        PagingForm form = mode.form();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            List<MappingRange> found;
            switch (r.method()) {
                case LinearMethod l -> {
                    Permissions p = l.permissions();
                    List<String> flags = new ArrayList<>(List.of(p.writable() ? "rw" : "ro"));
                    if (p.user()) {
                        flags.add("user");
                    }
                    flags.add(p.executable() ? "x" : "nx");
                    found = List.of(new MappingRange(r.start(), r.last() + 1, l.physStart(), form.pageSize(),
                            form.depth() - 1, flags));
                }
                case EntryArrayMethod a -> {
                    PageTableDump.Walk walk = new PageTableDump(tables, mode, order, limits).new Walk(false, progress, new MappingCollector());
                    a.collect(walk);
                    if (walk.truncated() != null) {
                        truncated = walk.truncated();
                    }
                    found = walk.ranges.ranges();
                }
            }
            for (MappingRange m : found) {
                out.addAll(outside(m, regions.subList(0, i)));
            }
        }
        out.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        return new PageTableDump.Result(out, truncated);
    }

    /** The parts of {@code m} that none of {@code earlier} holds. */
    private static List<MappingRange> outside(MappingRange m, List<Region> earlier) {
        List<MappingRange> parts = List.of(m);
        for (Region r : earlier) {
            List<MappingRange> next = new ArrayList<>();
            for (MappingRange p : parts) {
                long last = p.end() - 1;
                if (Long.compareUnsigned(last, r.start()) < 0 || Long.compareUnsigned(p.start(), r.last()) > 0) {
                    next.add(p);
                    continue;
                }
                if (Long.compareUnsigned(p.start(), r.start()) < 0) {
                    next.add(part(p, p.start(), r.start()));
                }
                if (Long.compareUnsigned(last, r.last()) > 0) {
                    next.add(part(p, r.last() + 1, p.end()));
                }
            }
            parts = next;
        }
        return parts;
    }

    private static MappingRange part(MappingRange m, long start, long end) {
        return new MappingRange(start, end, m.physical() + (start - m.start()), m.pageSize(), m.level(), m.flags());
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
