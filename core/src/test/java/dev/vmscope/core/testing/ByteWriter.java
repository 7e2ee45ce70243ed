package dev.vmscope.core.testing;

import java.nio.ByteOrder;

/** Writes and reads unsigned integers of 1, 2, 4 or 8 bytes in either byte order, for test data. */
public final class ByteWriter {
    private ByteWriter() {
    }

    /**
     * Puts {@code value} in {@code width} bytes at {@code offset}.
     *
     * @param what names the field in the message when the value does not fit
     */
    public static void put(byte[] b, int offset, int width, long value, ByteOrder order, String what) {
        if (!fits(value, width)) {
            throw new IllegalArgumentException(what + ": 0x" + Long.toHexString(value) + " does not fit in "
                    + width + " bytes");
        }
        for (int i = 0; i < width; i++) {
            int at = order == ByteOrder.LITTLE_ENDIAN ? offset + i : offset + width - 1 - i;
            b[at] = (byte) (value >>> (8 * i));
        }
    }

    public static long read(byte[] b, int offset, int width, ByteOrder order) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int at = order == ByteOrder.LITTLE_ENDIAN ? offset + i : offset + width - 1 - i;
            v |= (b[at] & 0xffL) << (8 * i);
        }
        return v;
    }

    /** The value as {@code width} bytes. */
    public static byte[] of(long value, int width, ByteOrder order) {
        byte[] b = new byte[width];
        put(b, 0, width, value, order, "value");
        return b;
    }

    /** Whether the value fits the width unsigned, or as a negative number sign-extended from it. */
    static boolean fits(long value, int width) {
        if (width == 8) {
            return true;
        }
        long limit = 1L << (8 * width);
        return (value >= 0 && value < limit) || (value < 0 && value >= -(limit >> 1));
    }
}
