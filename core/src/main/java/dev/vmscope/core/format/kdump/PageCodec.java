package dev.vmscope.core.format.kdump;

import io.airlift.compress.v3.lzo.LzoDecompressor;
import io.airlift.compress.v3.snappy.SnappyJavaDecompressor;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;

import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Per-page compression of a compressed kdump: zlib through libdeflate where the system has it ({@link
 * NativeZlib}) and {@link Inflater} otherwise, LZO1X, Snappy and zstd through aircompressor's Java
 * decoders. Decoders are cheap and kept per thread.
 */
enum PageCodec {
    NONE("none", 0),
    ZLIB("zlib", KdumpHeader.COMPRESSED_ZLIB),
    LZO("lzo", KdumpHeader.COMPRESSED_LZO),
    SNAPPY("snappy", KdumpHeader.COMPRESSED_SNAPPY),
    ZSTD("zstd", KdumpHeader.COMPRESSED_ZSTD);

    /** Whole pages through libdeflate where the system has it; {@link Inflater} for the rest. */
    private static final Optional<NativeZlib> NATIVE_ZLIB = NativeZlib.get();
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<LzoDecompressor> LZO_DECODER = ThreadLocal.withInitial(LzoDecompressor::new);
    private static final ThreadLocal<SnappyJavaDecompressor> SNAPPY_DECODER = ThreadLocal.withInitial(SnappyJavaDecompressor::new);
    private static final ThreadLocal<ZstdJavaDecompressor> ZSTD_DECODER = ThreadLocal.withInitial(ZstdJavaDecompressor::new);

    private final String id;
    private final int flag;

    PageCodec(String id, int flag) {
        this.id = id;
        this.flag = flag;
    }

    String id() {
        return id;
    }

    /**
     * The codec a page descriptor's flags select; {@code null} when they name none vmscope knows — a bit
     * outside the four codecs (a codec added later) or two codecs at once.
     */
    static PageCodec fromFlags(int flags) {
        for (PageCodec c : values()) {
            if (c.flag == flags) {
                return c;
            }
        }
        return null;
    }

    /**
     * Decodes {@code src[0, srcLength)} into {@code dst[dstOffset, dstOffset + dstLength)}.
     *
     * @return the number of bytes produced (equal to dstLength for a sound page)
     * @throws IllegalArgumentException with the decoder's complaint when the data is corrupt
     */
    int decode(byte[] src, int srcLength, byte[] dst, int dstOffset, int dstLength) {
        try {
            return switch (this) {
                case NONE -> {
                    int n = Math.min(srcLength, dstLength);
                    System.arraycopy(src, 0, dst, dstOffset, n);
                    yield n;
                }
                case ZLIB -> inflate(src, srcLength, dst, dstOffset, dstLength);
                case LZO -> LZO_DECODER.get().decompress(src, 0, srcLength, dst, dstOffset, dstLength);
                case SNAPPY -> SNAPPY_DECODER.get().decompress(src, 0, srcLength, dst, dstOffset, dstLength);
                case ZSTD -> ZSTD_DECODER.get().decompress(src, 0, srcLength, dst, dstOffset, dstLength);
            };
        } catch (RuntimeException e) {
            // aircompressor signals corrupt input with MalformedInputException, and at times with index errors
            throw new IllegalArgumentException(id + " data does not decode: " + e.getMessage(), e);
        }
    }

    private static int inflate(byte[] src, int srcLength, byte[] dst, int dstOffset, int dstLength) {
        if (NATIVE_ZLIB.isPresent() && NATIVE_ZLIB.get().decodeExactly(src, srcLength, dst, dstOffset, dstLength)) {
            return dstLength;
        }
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(src, 0, srcLength);
        try {
            int n = 0;
            while (n < dstLength && !inflater.finished()) {
                int got = inflater.inflate(dst, dstOffset + n, dstLength - n);
                if (got == 0) {
                    break; // needs more input or a dictionary: the page data is short or not plain zlib
                }
                n += got;
            }
            return n;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("zlib data does not decode: " + e.getMessage(), e);
        }
    }
}
