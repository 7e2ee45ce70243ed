package dev.vmscope.views.fx;

/** Addresses are unsigned 64-bit numbers; drawing needs them as doubles and back. */
public final class Unsigned {
    private static final double TWO_64 = 0x1p64;

    private Unsigned() {
    }

    /** The value of an unsigned 64-bit number, rounded to a double. */
    public static double toDouble(long value) {
        double d = (double) (value & Long.MAX_VALUE);
        return value < 0 ? d + 0x1p63 : d;
    }

    /** The unsigned 64-bit number nearest to {@code value}, clamped to [0, 2^64 - 1]. */
    public static long fromDouble(double value) {
        if (value <= 0 || Double.isNaN(value)) {
            return 0;
        }
        if (value >= TWO_64) {
            return -1L;
        }
        if (value < 0x1p63) {
            return (long) value;
        }
        return (long) (value - 0x1p63) | Long.MIN_VALUE;
    }

    /** The size of {@code [start, end)} as a double; {@code end} 0 stands for 2^64. */
    public static double span(long start, long end) {
        return end == 0 ? TWO_64 - toDouble(start) : toDouble(end - start);
    }

    public static int compare(long a, long b) {
        return Long.compareUnsigned(a, b);
    }
}
