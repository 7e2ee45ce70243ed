package dev.vmscope.app.cli;

/** Byte counts for people: {@code 4 KiB}, {@code 2 MiB}, {@code 478.4 MiB}, {@code 100 bytes}. */
final class Sizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    static String of(long bytes) {
        if (bytes >= 0 && bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double v = bytes < 0 ? bytes + 0x1p64 : bytes;
        int unit = -1;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        long whole = (long) v;
        if (whole == v) {
            return whole + " " + UNITS[unit];
        }
        long tenths = Math.round(v * 10);
        return (tenths / 10) + "." + (tenths % 10) + " " + UNITS[unit];
    }
}
