package dev.vmscope.views.hex;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hex view's window over an unsigned 64-bit space never wraps past either end. */
class HexWindowTest {
    private static final long LAST_VIRTUAL_ROW = 0xfffffffffffffff0L;

    @Test
    void theTopOfTheVirtualSpaceStopsAtTheLastFullWindow() {
        HexWindow w = new HexWindow(LAST_VIRTUAL_ROW, -1L, 10);
        assertEquals(0xffffffffffffff60L, w.top());
        assertEquals(10, w.filled());
        assertEquals(0xffffffffffffff60L, w.scroll(5).top());
        assertEquals(0xffffffffffffff50L, w.scroll(-1).top());
        assertEquals(1.0, w.fraction());
    }

    @Test
    void scrollingUpFromZeroStaysAtZero() {
        HexWindow w = new HexWindow(LAST_VIRTUAL_ROW, 0, 10);
        assertEquals(0, w.scroll(-3).top());
        assertEquals(0x30, w.scroll(3).top());
        assertEquals(0.0, w.fraction());
    }

    @Test
    void addressesAreAlignedToRows() {
        assertEquals(0x8361900L, new HexWindow(0xfffffff0L, 0x836190fL, 4).top());
    }

    @Test
    void aPhysicalSpaceEndsAtItsLastRange() {
        HexWindow w = new HexWindow(0xfffffff0L, 0, 16);
        assertTrue(w.contains(0xffffffffL));
        assertFalse(w.contains(0x100000000L));
        assertEquals(0xfffffff0L - 15 * 16, w.at(0xfffffff0L).top());
    }

    @Test
    void aSpaceSmallerThanTheWindowFillsWhatItHas() {
        HexWindow w = new HexWindow(0x20, 0, 10);
        assertEquals(0, w.top());
        assertEquals(3, w.filled());
    }

    @Test
    void fractionsMapBackToRows() {
        HexWindow w = new HexWindow(0xfffffff0L, 0, 1);
        assertEquals(0x7ffffff0L, w.atFraction(0.5).top());
        assertEquals(0xfffffff0L, w.atFraction(1).top());
    }
}
