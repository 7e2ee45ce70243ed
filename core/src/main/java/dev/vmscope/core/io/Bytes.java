package dev.vmscope.core.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little helpers to decode integers from byte arrays in either byte order. */
public final class Bytes {
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

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
        return order == ByteOrder.LITTLE_ENDIAN ? (long) LE64.get(b, offset) : (long) BE64.get(b, offset);
    }

    public static long u32(byte[] b, int offset, ByteOrder order) {
        return (order == ByteOrder.LITTLE_ENDIAN ? (int) LE32.get(b, offset) : (int) BE32.get(b, offset)) & 0xffff_ffffL;
    }

    public static int u16(byte[] b, int offset, ByteOrder order) {
        return (order == ByteOrder.LITTLE_ENDIAN ? (short) LE16.get(b, offset) : (short) BE16.get(b, offset)) & 0xffff;
    }

    /** The whole array as 8-byte words (a page of table entries at once); a trailing partial word is left out. */
    public static long[] u64s(byte[] b, ByteOrder order) {
        long[] out = new long[b.length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = u64(b, i * 8, order);
        }
        return out;
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
