package dev.vmscope.core.testing.kdump;

import io.airlift.compress.v3.Compressor;
import io.airlift.compress.v3.lzo.LzoCompressor;
import io.airlift.compress.v3.snappy.SnappyJavaCompressor;
import io.airlift.compress.v3.zstd.ZstdJavaCompressor;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The page compression a kdump writer uses: a zlib stream ({@link Deflater}, as makedumpfile's
 * {@code compress2}), raw LZO1X, raw Snappy and a zstd frame (aircompressor's Java encoders).
 */
public final class PageCompressors {
    public static final int ZLIB = 0x1;
    public static final int LZO = 0x2;
    public static final int SNAPPY = 0x4;
    public static final int ZSTD = 0x20;

    private PageCompressors() {
    }

    /** The descriptor flag of a codec name ({@code none} is 0). */
    public static int flag(String codec) {
        return switch (codec) {
            case "zlib" -> ZLIB;
            case "lzo" -> LZO;
            case "snappy" -> SNAPPY;
            case "zstd" -> ZSTD;
            case "none" -> 0;
            default -> throw new IllegalArgumentException("unknown codec " + codec);
        };
    }

    /** The compressed page, or {@code null} when {@code codec} is none or the result is not smaller (stored as is). */
    public static byte[] compress(String codec, byte[] page) {
        byte[] out = switch (codec) {
            case "none" -> null;
            case "zlib" -> deflate(page);
            case "lzo" -> with(new LzoCompressor(), page);
            case "snappy" -> with(new SnappyJavaCompressor(), page);
            case "zstd" -> with(new ZstdJavaCompressor(), page);
            default -> throw new IllegalArgumentException("unknown codec " + codec);
        };
        return out == null || out.length >= page.length ? null : out;
    }

    private static byte[] with(Compressor c, byte[] page) {
        byte[] out = new byte[c.maxCompressedLength(page.length)];
        int n = c.compress(page, 0, page.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    private static byte[] deflate(byte[] page) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(page);
            d.finish();
            byte[] out = new byte[page.length * 2 + 64];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }
}
