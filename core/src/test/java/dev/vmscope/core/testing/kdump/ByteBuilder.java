package dev.vmscope.core.testing.kdump;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;

/** A growable byte buffer for writing test files: integers at absolute offsets in either byte order. */
final class ByteBuilder {
    private byte[] data = new byte[4096];
    private int size;
    private final ByteOrder order;

    ByteBuilder(ByteOrder order) {
        this.order = order;
    }

    ByteBuilder() {
        this(ByteOrder.LITTLE_ENDIAN);
    }

    int size() {
        return size;
    }

    private void ensure(long end) {
        if (end > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("test file larger than 2 GiB");
        }
        if (end > data.length) {
            data = java.util.Arrays.copyOf(data, (int) Math.max(end, data.length * 2L));
        }
        size = (int) Math.max(size, end);
    }

    ByteBuilder put(long at, byte[] b) {
        return put(at, b, 0, b.length);
    }

    ByteBuilder put(long at, byte[] b, int from, int length) {
        ensure(at + length);
        System.arraycopy(b, from, data, (int) at, length);
        return this;
    }

    ByteBuilder fill(long at, int length, byte value) {
        ensure(at + length);
        java.util.Arrays.fill(data, (int) at, (int) at + length, value);
        return this;
    }

    ByteBuilder integer(long at, int width, long value) {
        ensure(at + width);
        for (int i = 0; i < width; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
            data[(int) at + i] = (byte) (value >>> shift);
        }
        return this;
    }

    ByteBuilder u32(long at, long value) {
        return integer(at, 4, value);
    }

    ByteBuilder u64(long at, long value) {
        return integer(at, 8, value);
    }

    /** Pads the content to a multiple of {@code align} with zeros. */
    ByteBuilder pad(int align) {
        ensure((size + align - 1L) / align * align);
        return this;
    }

    byte[] bytes() {
        return java.util.Arrays.copyOf(data, size);
    }

    /** ELF note bytes: namesz (with its NUL), descsz, type, name and descriptor each padded to 4. */
    static byte[] note(String owner, long type, byte[] desc, ByteOrder order) {
        ByteBuilder b = new ByteBuilder(order);
        byte[] name = (owner + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        b.u32(0, name.length).u32(4, desc.length).u32(8, type).put(12, name);
        int descAt = 12 + (name.length + 3) / 4 * 4;
        b.put(descAt, desc);
        b.fill(descAt + desc.length, (4 - desc.length % 4) % 4, (byte) 0);
        return b.bytes();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
