package dev.vmscope.core.bench;

import dev.vmscope.core.Session;
import dev.vmscope.core.xlat.BatchTranslator;
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
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Kernel-virtual to physical over the corpus x86-64 dumps: the step-by-step walker (a {@code Translation}
 * with every step, as vtop renders it) and the batch translator (physical address only, as
 * {@code vtop --from --brief} uses it), over 2^16 addresses per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslationBench {
    static final int N = 1 << 16;

    @Param({"elf", "kdump-zlib"})
    public String dump;

    Session session;
    BatchTranslator batch;
    long[] addresses;

    @Setup(Level.Trial)
    public void open() {
        session = BenchDumps.open(dump);
        batch = session.batchTranslator();
        addresses = BenchDumps.addresses(N);
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long walkerStepByStep() {
        long sum = 0;
        for (long va : addresses) {
            sum += session.translate(va).steps().size();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long batchTranslator() {
        long sum = 0;
        for (long va : addresses) {
            sum += batch.translate(va);
        }
        return sum;
    }
}
