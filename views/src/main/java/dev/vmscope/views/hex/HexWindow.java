package dev.vmscope.views.hex;

import dev.vmscope.views.fx.Unsigned;

/**
 * Which rows of an address space the hex view shows: the first row's address and how many rows
 * fit, inside {@code [0, lastRow]}. Addresses are unsigned; nothing here wraps past 2^64.
 *
 * @param lastRow the address of the last row there is (the domain's end minus 16)
 */
record HexWindow(long lastRow, long top, int rows) {

    HexWindow {
        rows = Math.max(1, rows);
        top = clampTop(top & -HexRow.WIDTH, lastRow, rows);
    }

    /** The highest first row that still fills the window. */
    long maxTop() {
        long span = (long) (rows - 1) * HexRow.WIDTH;
        return Long.compareUnsigned(lastRow, span) <= 0 ? 0 : lastRow - span;
    }

    private static long clampTop(long top, long lastRow, int rows) {
        long span = (long) (rows - 1) * HexRow.WIDTH;
        long max = Long.compareUnsigned(lastRow, span) <= 0 ? 0 : lastRow - span;
        return Long.compareUnsigned(top, max) > 0 ? max : top;
    }

    HexWindow withRows(int n) {
        return new HexWindow(lastRow, top, n);
    }

    HexWindow at(long address) {
        return new HexWindow(lastRow, address, rows);
    }

    /** Moves by {@code delta} rows, stopping at either end. */
    HexWindow scroll(long delta) {
        long bytes = delta * HexRow.WIDTH;
        if (delta < 0) {
            return at(Long.compareUnsigned(top, -bytes) < 0 ? 0 : top + bytes);
        }
        long room = maxTop() - top;
        return at(Long.compareUnsigned(bytes, room) > 0 ? maxTop() : top + bytes);
    }

    /** Where the window is, from 0 (first row) to 1 (last), for a scroll bar. */
    double fraction() {
        double max = Unsigned.toDouble(maxTop());
        return max == 0 ? 0 : Unsigned.toDouble(top) / max;
    }

    HexWindow atFraction(double f) {
        return at(Unsigned.fromDouble(Math.max(0, Math.min(1, f)) * Unsigned.toDouble(maxTop())));
    }

    boolean contains(long address) {
        return Long.compareUnsigned(address, lastRow + HexRow.WIDTH - 1) <= 0;
    }

    /** The address of row {@code i} of the window. */
    long row(int i) {
        return top + (long) i * HexRow.WIDTH;
    }

    /** How many rows exist from the top down (fewer than {@link #rows} only for a tiny domain). */
    int filled() {
        long below = Long.divideUnsigned(lastRow - top, HexRow.WIDTH);
        return Long.compareUnsigned(below, rows) >= 0 ? rows : (int) below + 1;
    }
}
