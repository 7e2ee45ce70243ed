package dev.vmscope.core.io;

import java.nio.ByteOrder;

/** Little helpers to decode integers from byte arrays in either byte order. */
public final class Bytes {
    private Bytes() {
    }

    public static long unsigned(byte[] b, int offset, int width, ByteOrder order) {
        long v = 0;
        if (order == ByteOrder.LITTLE_ENDIAN) {
            for (int i = width - 1; i >= 0; i--) {
                v = (v << 8) | (b[offset + i] & 0xffL);
            }
        } else {
            for (int i = 0; i < width; i++) {
                v = (v << 8) | (b[offset + i] & 0xffL);
            }
        }
        return v;
    }

    public static long u64(byte[] b, int offset, ByteOrder order) {
        return unsigned(b, offset, 8, order);
    }

    public static long u32(byte[] b, int offset, ByteOrder order) {
        return unsigned(b, offset, 4, order);
    }

    public static int u16(byte[] b, int offset, ByteOrder order) {
        return (int) unsigned(b, offset, 2, order);
    }

    /** A NUL-terminated string of at most {@code max} bytes, as ISO-8859-1 (dumps carry ASCII). */
    public static String cString(byte[] b, int offset, int max) {
        int end = offset;
        int limit = Math.min(b.length, offset + max);
        while (end < limit && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
