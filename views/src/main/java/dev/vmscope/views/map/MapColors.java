package dev.vmscope.views.map;

import dev.vmscope.core.io.RangeKind;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Map;

/** The colours of the memory map, chosen to stay apart for colour-blind eyes too; one place for bar and legend. */
public final class MapColors {
    private static final Map<RangeKind, Color> KINDS = Map.of(
            RangeKind.RAM, Color.web("#2b8a5e"),
            RangeKind.ZERO, Color.web("#74b3e8"),
            RangeKind.HOLE, Color.web("#d5dae1"),
            RangeKind.EXCLUDED, Color.web("#e6a100"),
            RangeKind.RESERVED, Color.web("#8e6fd8"));
    private static final Map<RangeKind, String> WORDS = Map.of(
            RangeKind.RAM, "RAM in the dump",
            RangeKind.ZERO, "zero-filled",
            RangeKind.HOLE, "hole (no memory)",
            RangeKind.EXCLUDED, "excluded by filtering",
            RangeKind.RESERVED, "reserved");
    private static final Map<String, Color> REGIONS = Map.of(
            "direct map", Color.web("#1f6fc5"),
            "vmalloc", Color.web("#6a48d6"),
            "vmemmap", Color.web("#12937a"),
            "cpu entry area", Color.web("#d9480f"),
            "espfix", Color.web("#7c8591"),
            "kernel text", Color.web("#c2255c"),
            "modules", Color.web("#e67700"),
            "fixmap", Color.web("#3f4650"));
    private static final List<Color> OTHERS = List.of(
            Color.web("#0b7285"), Color.web("#5c940d"), Color.web("#a61e4d"), Color.web("#364fc7"));

    private MapColors() {
    }

    public static Color of(RangeKind kind) {
        return KINDS.get(kind);
    }

    /** What a kind means, in the legend's words. */
    public static String words(RangeKind kind) {
        return WORDS.get(kind);
    }

    /** A region's colour: fixed for the regions every kernel has, from a small palette for others. */
    public static Color region(String name) {
        Color c = REGIONS.get(name);
        return c != null ? c : OTHERS.get(Math.floorMod(name.hashCode(), OTHERS.size()));
    }
}
