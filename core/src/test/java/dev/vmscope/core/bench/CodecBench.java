package dev.vmscope.core.bench;

import dev.vmscope.core.Session;
import io.airlift.compress.v3.lzo.LzoCompressor;
import io.airlift.compress.v3.lzo.LzoDecompressor;
import io.airlift.compress.v3.snappy.SnappyJavaCompressor;
import io.airlift.compress.v3.snappy.SnappyJavaDecompressor;
import io.airlift.compress.v3.zstd.ZstdJavaCompressor;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Decompressing one 4 KiB page with each codec a compressed kdump can use, with the same decoders
 * vmscope's page codec calls (java.util.zip's Inflater; aircompressor's LZO, Snappy and Zstd, pure Java).
 * The pages are 256 real pages of the corpus kernel (kernel text and data from physical 0x7200000),
 * compressed here with java.util.zip and aircompressor's compressors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBench {
    static final int PAGES = 256;

    @Param({"zlib", "lzo", "snappy", "zstd"})
    public String codec;

    byte[][] compressed;
    final byte[] page = new byte[4096];
    final Inflater inflater = new Inflater();
    final LzoDecompressor lzo = new LzoDecompressor();
    final SnappyJavaDecompressor snappy = new SnappyJavaDecompressor();
    final ZstdJavaDecompressor zstd = new ZstdJavaDecompressor();

    @Setup(Level.Trial)
    public void compress() {
        compressed = new byte[PAGES][];
        try (Session s = BenchDumps.open("elf")) {
            for (int i = 0; i < PAGES; i++) {
                byte[] p = s.memory().read(0x7200000L + 4096L * i, 4096);
                compressed[i] = compress(codec, p);
            }
        }
    }

    static byte[] compress(String codec, byte[] page) {
        byte[] out = new byte[8192];
        int n = switch (codec) {
            case "zlib" -> {
                Deflater d = new Deflater();
                d.setInput(page);
                d.finish();
                int len = d.deflate(out);
                d.end();
                yield len;
            }
            case "lzo" -> new LzoCompressor().compress(page, 0, page.length, out, 0, out.length);
            case "snappy" -> new SnappyJavaCompressor().compress(page, 0, page.length, out, 0, out.length);
            case "zstd" -> new ZstdJavaCompressor().compress(page, 0, page.length, out, 0, out.length);
            default -> throw new IllegalArgumentException(codec);
        };
        return Arrays.copyOf(out, n);
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public int decompressPage() throws DataFormatException {
        int sum = 0;
        for (byte[] c : compressed) {
            sum += switch (codec) {
                case "zlib" -> {
                    inflater.reset();
                    inflater.setInput(c);
                    yield inflater.inflate(page);
                }
                case "lzo" -> lzo.decompress(c, 0, c.length, page, 0, page.length);
                case "snappy" -> snappy.decompress(c, 0, c.length, page, 0, page.length);
                case "zstd" -> zstd.decompress(c, 0, c.length, page, 0, page.length);
                default -> throw new IllegalStateException(codec);
            };
        }
        return sum;
    }
}
