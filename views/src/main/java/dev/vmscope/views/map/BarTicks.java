package dev.vmscope.views.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the address labels under a bar go: at multiples of a power of two (the boundaries kernel
 * people think in), about one per {@code spacing} pixels.
 */
final class BarTicks {
    private BarTicks() {
    }

    /**
     * @param view    the window shown
     * @param pixels  the bar's width
     * @param spacing the wished distance between labels, in pixels
     * @return offsets from the domain start, ascending, inside the window
     */
    static List<Double> of(BarViewport view, double pixels, double spacing) {
        List<Double> out = new ArrayList<>();
        if (pixels <= 0) {
            return out;
        }
        double wanted = view.width() * spacing / pixels;
        double step = Math.pow(2, Math.ceil(Math.log(Math.max(wanted, 1)) / Math.log(2)));
        double first = Math.ceil(view.from() / step) * step;
        for (double t = first; t <= view.to() && out.size() < 64; t += step) {
            out.add(t);
        }
        return out;
    }
}
