package dev.vmscope.views.map;

/**
 * Which part of an address domain a bar shows, as byte offsets from the domain's start: the window
 * {@code [from, to)} of {@code [0, span)}. Immutable; every change gives a new viewport, clamped so
 * that it stays inside the domain and never narrower than {@link #minWidth()}.
 */
public record BarViewport(double span, double from, double to) {
    /** The deepest zoom: the bar never shows fewer bytes than this (or span / 2^40 on huge domains). */
    private static final double MIN_BYTES = 256;
    private static final double MAX_ZOOM = 0x1p40;

    public BarViewport {
        if (!(span > 0)) {
            throw new IllegalArgumentException("empty domain");
        }
    }

    /** The whole domain. */
    public static BarViewport whole(double span) {
        return new BarViewport(span, 0, span);
    }

    public double width() {
        return to - from;
    }

    public double minWidth() {
        return Math.min(span, Math.max(MIN_BYTES, span / MAX_ZOOM));
    }

    /** How many times the domain is magnified (1 = all of it). */
    public double zoom() {
        return span / width();
    }

    public double maxZoom() {
        return span / minWidth();
    }

    /** Where an offset falls across the bar: 0 at the left edge, 1 at the right. */
    public double fractionOf(double offset) {
        return (offset - from) / width();
    }

    public double offsetAt(double fraction) {
        return from + fraction * width();
    }

    /** Magnifies by {@code factor} (above 1 zooms in) keeping the point at {@code fraction} where it is. */
    public BarViewport zoomAt(double fraction, double factor) {
        double w = clampWidth(width() / factor);
        double anchor = offsetAt(fraction);
        return place(anchor - fraction * w, w);
    }

    /** Sets the magnification to {@code zoom}, keeping the point at {@code fraction} where it is. */
    public BarViewport withZoom(double zoom, double fraction) {
        return zoomAt(fraction, zoom / zoom());
    }

    /** Moves the window by a fraction of its width (positive: towards higher addresses). */
    public BarViewport pan(double fractionOfWidth) {
        return place(from + fractionOfWidth * width(), width());
    }

    /** Shows {@code [start, end)} with a margin on each side. */
    public BarViewport show(double start, double end) {
        double w = clampWidth((end - start) * 1.1);
        double centre = (start + end) / 2;
        return place(centre - w / 2, w);
    }

    private double clampWidth(double w) {
        return Math.max(minWidth(), Math.min(span, w));
    }

    private BarViewport place(double start, double w) {
        double s = Math.max(0, Math.min(span - w, start));
        return new BarViewport(span, s, s + w);
    }
}
