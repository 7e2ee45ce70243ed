package dev.vmscope.views.ptdump;

import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranges under one top-level entry of the table ({@code PML4[273]}), named after the kernel's region
 * there when one starts inside it.
 *
 * @param index  the top-level index
 * @param region the kernel region's name, or empty
 */
public record MappingGroup(String level, int index, String region, List<MappingRange> ranges) {
    public MappingGroup {
        ranges = List.copyOf(ranges);
    }

    public long start() {
        return ranges.getFirst().start();
    }

    public long end() {
        return ranges.getLast().end();
    }

    /** The bytes mapped (the sum of the ranges, not end − start). */
    public long mapped() {
        return ranges.stream().mapToLong(MappingRange::size).sum();
    }

    /** Groups ranges, in order, by the top-level entry their start lies under. */
    public static List<MappingGroup> of(List<MappingRange> ranges, PagingForm form, List<VirtualRegion> layout) {
        PagingForm.Level top = form.levels().getFirst();
        Map<Integer, List<MappingRange>> byIndex = new LinkedHashMap<>();
        for (MappingRange r : ranges) {
            byIndex.computeIfAbsent(top.index(r.start()), i -> new ArrayList<>()).add(r);
        }
        List<MappingGroup> out = new ArrayList<>(byIndex.size());
        byIndex.forEach((i, list) -> out.add(new MappingGroup(top.name(), i, region(list, layout), list)));
        return out;
    }

    private static String region(List<MappingRange> ranges, List<VirtualRegion> layout) {
        long first = ranges.getFirst().start();
        long last = ranges.getLast().end() - 1;
        return layout.stream().filter(v -> Long.compareUnsigned(v.end() - 1, first) >= 0 && Long.compareUnsigned(v.start(), last) <= 0)
                .map(VirtualRegion::name).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
