package dev.vmscope.core.bench;

import dev.vmscope.core.format.kdump.PageBitmap;
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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The compressed-kdump page lookup: a pfn's descriptor index is its rank in the dumped bitmap. The
 * bitmap is the corpus kdump-zlib's own (1 M pfns), or one for 16 M pfns (64 GiB) made of it repeated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RankBench {
    static final int N = 1 << 16;

    @Param({"1", "16"})
    public int mebiPages;

    PageBitmap bitmap;
    long[] pfns;

    @Setup(Level.Trial)
    public void load() throws Exception {
        try (FileChannel c = FileChannel.open(dev.vmscope.core.testing.Corpus.file(BenchDumps.SET, "dumps/vmcore-qemu.kdump-zlib"),
                StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
            c.read(h, 0);
            int block = h.getInt(428);
            int sub = h.getInt(432);
            int half = h.getInt(436) / 2 * block;
            ByteBuffer dumped = ByteBuffer.allocate(half);
            c.read(dumped, (long) (1 + sub) * block + half);
            byte[] bytes = new byte[half * mebiPages];
            for (int i = 0; i < mebiPages; i++) {
                System.arraycopy(dumped.array(), 0, bytes, i * half, half);
            }
            bitmap = new PageBitmap(bytes, (long) bytes.length * 8);
        }
        SplittableRandom r = new SplittableRandom(3);
        pfns = new long[N];
        for (int i = 0; i < N; i++) {
            pfns[i] = r.nextLong(bitmap.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long rank() {
        long sum = 0;
        for (long pfn : pfns) {
            sum += bitmap.get(pfn) ? bitmap.rank(pfn) : 0;
        }
        return sum;
    }
}
