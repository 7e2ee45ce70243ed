package dev.vmscope.core.testing.kdump;

/**
 * The bytes every test dump stores at a physical address, so that any page read from the wrong place
 * shows at once: each 8-byte little-endian word holds the address of the 256-byte line it is in, with
 * the low byte {@code 0x5a}. Lines differ and repeat inside themselves, so every codec compresses them.
 */
public final class PageContent {
    private PageContent() {
    }

    public static byte[] page(long address, int size) {
        byte[] b = new byte[size];
        fill(address, b, 0, size);
        return b;
    }

    public static void fill(long address, byte[] dst, int offset, int length) {
        for (int i = 0; i < length; i++) {
            long a = address + i;
            long word = (a & ~0xffL) | 0x5a;
            dst[offset + i] = (byte) (word >>> (8 * (a & 7)));
        }
    }
}
