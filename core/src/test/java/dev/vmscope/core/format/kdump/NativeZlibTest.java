package dev.vmscope.core.format.kdump;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * zlib pages decode to the same bytes whether libdeflate or Inflater does it, and whatever libdeflate does not
 * decode to exactly one page (damage, a wrong checksum, a short or a long stream) it leaves to Inflater. The
 * first test needs libdeflate (Debian's libdeflate0); {@link PageCodec} is tested with and without it by the
 * kdump tests on both kinds of machine.
 */
class NativeZlibTest {
    private static final int PAGE = 4096;

    private static byte[] zlib(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] page(Random r, int kind) {
        byte[] p = new byte[PAGE];
        switch (kind) {
            case 0 -> r.nextBytes(p);
            case 1 -> Arrays.fill(p, (byte) r.nextInt(256));
            default -> {
                for (int i = 0; i < PAGE; i += 8) {
                    p[i] = (byte) (i >> 3);
                    p[i + 1] = (byte) r.nextInt(4);
                }
            }
        }
        return p;
    }

    @Test
    void libdeflateAndInflaterGiveTheSamePages() {
        NativeZlib z = NativeZlib.get().orElseThrow(() -> new AssertionError("libdeflate.so.0 is needed here (apt-get install libdeflate0)"));
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] plain = page(r, i % 3);
            byte[] packed = zlib(plain);
            byte[] dst = new byte[PAGE + 32];
            assertTrue(z.decodeExactly(packed, packed.length, dst, 16, PAGE), "page " + i);
            assertArrayEquals(plain, Arrays.copyOfRange(dst, 16, 16 + PAGE), "page " + i);
            assertEquals(0, dst[15], "nothing written before the page");
            assertEquals(0, dst[16 + PAGE], "nothing written after the page");
        }
    }

    @Test
    void whatLibdeflateDoesNotDecodeExactlyIsLeftToInflater() {
        NativeZlib.get().ifPresent(z -> {
            byte[] plain = page(new Random(3), 2);
            byte[] packed = zlib(plain);
            byte[] dst = new byte[PAGE];
            byte[] badChecksum = packed.clone();
            badChecksum[badChecksum.length - 1] ^= 1;
            assertFalse(z.decodeExactly(badChecksum, badChecksum.length, dst, 0, PAGE), "adler-32 is checked");
            assertFalse(z.decodeExactly(packed, packed.length - 5, dst, 0, PAGE), "truncated");
            byte[] twoPages = zlib(new byte[2 * PAGE]);
            assertFalse(z.decodeExactly(twoPages, twoPages.length, dst, 0, PAGE), "more than a page");
            byte[] half = zlib(new byte[PAGE / 2]);
            assertFalse(z.decodeExactly(half, half.length, dst, 0, PAGE), "less than a page");
            assertFalse(z.decodeExactly(new byte[64], 64, dst, 0, PAGE), "not zlib at all");
        });
    }

    /** Inflater alone, as PageCodec decoded before libdeflate: the bytes it gives, or null when it fails. */
    private static byte[] inflaterOnly(byte[] src, int length) {
        java.util.zip.Inflater inf = new java.util.zip.Inflater();
        inf.setInput(src, 0, length);
        byte[] out = new byte[PAGE];
        int n = 0;
        try {
            while (n < PAGE && !inf.finished()) {
                int got = inf.inflate(out, n, PAGE - n);
                if (got == 0) {
                    break;
                }
                n += got;
            }
        } catch (java.util.zip.DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
        return n == PAGE ? out : Arrays.copyOf(out, n);
    }

    private static byte[] viaPageCodec(byte[] src, int length) {
        byte[] out = new byte[PAGE];
        try {
            int n = PageCodec.ZLIB.decode(src, length, out, 0, PAGE);
            return n == PAGE ? out : Arrays.copyOf(out, n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void damagedPagesReadAsInflaterAloneReadThem() {
        Random r = new Random(11);
        for (int i = 0; i < 400; i++) {
            byte[] packed = zlib(i % 5 == 0 ? new byte[PAGE + 512] : page(r, i % 3));
            int length = packed.length;
            switch (i % 4) {
                case 0 -> packed[r.nextInt(packed.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> length = r.nextInt(packed.length);
                case 2 -> packed[packed.length - 1 - r.nextInt(4)] ^= 1;
                default -> { }
            }
            assertArrayEquals(inflaterOnly(packed, length), viaPageCodec(packed, length), "case " + i);
        }
    }
}
