package dev.vmscope.core.bench;

import dev.vmscope.core.Session;
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
 * Random 4 KiB physical page reads through the dump's memory: the ELF mapped (a copy out of the mapping)
 * and the compressed kdump (descriptor by rank, read, zlib inflate, through the page cache). 4096 random
 * present pages per invocation, the same list every time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PageReadBench {
    static final int N = 4096;

    @Param({"elf", "kdump-zlib"})
    public String dump;

    Session session;
    long[] pages;
    final byte[] buffer = new byte[4096];

    @Setup(Level.Trial)
    public void open() {
        session = BenchDumps.open(dump);
        pages = BenchDumps.presentPages(session, N);
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int randomPages() {
        int sum = 0;
        for (long p : pages) {
            session.memory().read(p, buffer, 0, 4096);
            sum += buffer[(int) (p >>> 12) & 4095];
        }
        return sum;
    }
}
