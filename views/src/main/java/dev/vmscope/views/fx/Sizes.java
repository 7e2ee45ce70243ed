package dev.vmscope.views.fx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Byte counts in binary units, the way kernel people say them: {@code 4 KiB}, {@code 2 MiB}, {@code 1.5 GiB}. */
public final class Sizes {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** A size given as an unsigned 64-bit count. */
    public static String of(long bytes) {
        return of(new BigInteger(Long.toUnsignedString(bytes)));
    }

    /** A size that may reach 2^64 (a whole 64-bit address space). */
    public static String of(BigInteger bytes) {
        if (bytes.compareTo(BigInteger.valueOf(1024)) < 0) {
            return bytes + (bytes.equals(BigInteger.ONE) ? " byte" : " bytes");
        }
        int unit = 0;
        BigDecimal value = new BigDecimal(bytes);
        BigDecimal k = BigDecimal.valueOf(1024);
        while (value.compareTo(k) >= 0 && unit < UNITS.length - 1) {
            value = value.divide(k);
            unit++;
        }
        BigDecimal shown = value.setScale(value.compareTo(BigDecimal.TEN) < 0 ? 2 : 1, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return shown.toPlainString() + " " + UNITS[unit];
    }

    /** The size of {@code [start, end)} where {@code end} 0 stands for 2^64. */
    public static BigInteger span(long start, long end) {
        BigInteger e = end == 0 ? BigInteger.ONE.shiftLeft(64) : new BigInteger(Long.toUnsignedString(end));
        return e.subtract(new BigInteger(Long.toUnsignedString(start)));
    }
}
