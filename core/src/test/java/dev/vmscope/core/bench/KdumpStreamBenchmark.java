package dev.vmscope.core.bench;

import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.convert.ConvertOptions;
import dev.vmscope.core.format.convert.DumpConverter;
import dev.vmscope.core.format.convert.PageStream;
import dev.vmscope.core.io.RangeKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every page of the corpus's x86-64 QEMU kdump in address order, on 1 thread and on 2 (the benchmark
 * machine's cores): read and decompressed through {@link PageStream} into a sink that only looks at the
 * bytes, and converted to an ELF vmcore in {@code target/}. The score is the time for the whole dump.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 8, batchSize = 1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KdumpStreamBenchmark {
    @Param({"1", "2"})
    public int threads;

    private Dump dump;
    private List<PageStream.Span> ram;
    private Path out;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dump = DumpFormats.open(KdumpBenchInputs.kdump());
        ram = dump.memory().ranges().stream().filter(r -> r.kind() == RangeKind.RAM)
                .map(r -> new PageStream.Span(r.start(), r.end(), false)).toList();
        out = Files.createTempFile(Path.of("target"), "bench", ".elf");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        dump.close();
        Files.deleteIfExists(out);
    }

    @Benchmark
    public long allPagesInOrder(Blackhole bh) throws IOException {
        return new PageStream(dump.memory(), threads).copy(ram, Progress.NONE, "bench",
                (address, data, length) -> bh.consume(data[length - 1]));
    }

    @Benchmark
    public long convertToElf() {
        return DumpConverter.convert(dump, List.of(KdumpBenchInputs.kdump()), out, ConvertOptions.elf().withThreads(threads),
                Progress.NONE).fileSize();
    }
}
