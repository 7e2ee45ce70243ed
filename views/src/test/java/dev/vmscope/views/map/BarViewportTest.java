package dev.vmscope.views.map;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Zooming keeps the point under the pointer where it is, and the window inside the domain. */
class BarViewportTest {

    @Test
    void zoomAroundAPointKeepsThatPointInPlace() {
        BarViewport v = BarViewport.whole(1 << 20).zoomAt(0.25, 2);
        assertEquals(1 << 19, v.width());
        assertEquals((1 << 20) * 0.25, v.offsetAt(0.25));
        assertEquals(2, v.zoom());
    }

    @Test
    void theWindowStaysInsideTheDomain() {
        BarViewport v = BarViewport.whole(1 << 20).zoomAt(0, 4).pan(-3);
        assertEquals(0, v.from());
        BarViewport r = BarViewport.whole(1 << 20).zoomAt(1, 4).pan(3);
        assertEquals(1 << 20, r.to());
        assertEquals(BarViewport.whole(1 << 20), BarViewport.whole(1 << 20).zoomAt(0.5, 0.1));
    }

    @Test
    void zoomStopsAtTheSmallestWindow() {
        BarViewport v = BarViewport.whole(0x1p32).zoomAt(0.5, 0x1p60);
        assertEquals(256, v.width());
        assertEquals(v.maxZoom(), v.zoom());
    }

    @Test
    void showPutsARangeInTheMiddleWithAMargin() {
        BarViewport v = BarViewport.whole(0x100000000L).show(0xfffc0000L, 0x100000000L);
        assertEquals(0x100000000L, v.to());
        assertEquals(0x40000 * 1.1, v.width(), 1e-3);
    }

    @Test
    void ticksFallOnPowersOfTwo() {
        List<Double> t = BarTicks.of(BarViewport.whole(0x100000000L), 1000, 200);
        assertEquals(List.of(0.0, 0x1p30, 0x1p31, 0x3p30, 0x1p32), t);
    }
}
