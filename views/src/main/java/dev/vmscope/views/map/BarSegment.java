package dev.vmscope.views.map;

import javafx.scene.paint.Color;

/**
 * One coloured run of a bar: {@code [start, end)} of the address space ({@code end} 0 stands for
 * 2^64), what to write on it, and the tooltip lines.
 *
 * @param source the model value it stands for (a memory range, a virtual region), for selection
 */
public record BarSegment(long start, long end, String label, Color color, String tip, Object source) {
}
