package dev.vmscope.views.ptdump;

import dev.vmscope.core.xlat.MappingRange;

import java.util.Optional;

/**
 * One line of the ptdump tree: a top-level entry's group, or one range under it.
 *
 * @param label the group's words ({@code PML4[273]  direct map  (14 ranges)}); empty for a range
 */
public record PtdumpRow(String label, long start, long end, long size, Optional<MappingRange> range) {

    static PtdumpRow of(MappingGroup g) {
        String region = g.region().isEmpty() ? "" : "  " + g.region();
        return new PtdumpRow(g.level() + "[" + g.index() + "]" + region + "  (" + g.ranges().size()
                + (g.ranges().size() == 1 ? " range)" : " ranges)"), g.start(), g.end(), g.mapped(), Optional.empty());
    }

    static PtdumpRow of(MappingRange r) {
        return new PtdumpRow("", r.start(), r.end(), r.size(), Optional.of(r));
    }
}
