package dev.vmscope.core.bench;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Random reads of the corpus's x86-64 QEMU kdump (zlib, 192 MiB of RAM in a 40 MB file): a whole
 * 4 KiB page (decoded straight into the caller's buffer, as a hex view or a converter reads) and
 * 8 bytes (through the page cache, as a page-table walk reads an entry), at uniformly random pages.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KdumpReadBenchmark {
    private static final int PAGE = 4096;

    private Dump dump;
    private long[] pages;
    private SplittableRandom random;
    private final byte[] buffer = new byte[PAGE];

    @Setup(Level.Trial)
    public void open() {
        dump = DumpFormats.open(KdumpBenchInputs.kdump());
        pages = dump.memory().ranges().stream().filter(r -> r.kind() == RangeKind.RAM)
                .flatMapToLong(KdumpReadBenchmark::pagesOf).toArray();
        random = new SplittableRandom(42);
    }

    private static LongStream pagesOf(MemoryRange r) {
        return LongStream.range(0, r.size() / PAGE).map(i -> r.start() + i * PAGE);
    }

    @TearDown(Level.Trial)
    public void close() {
        dump.close();
    }

    @Benchmark
    public byte randomWholePage() {
        dump.memory().read(pages[random.nextInt(pages.length)], buffer, 0, PAGE);
        return buffer[PAGE - 1];
    }

    @Benchmark
    public long randomEntry() {
        long a = pages[random.nextInt(pages.length)] + 8L * random.nextInt(PAGE / 8);
        return dump.memory().readLong(a, ByteOrder.LITTLE_ENDIAN);
    }
}
