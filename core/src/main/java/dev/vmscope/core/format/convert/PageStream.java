package dev.vmscope.core.format.convert;

import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads spans of a dump's memory in address order, with the reads — and so a compressed dump's
 * decompression — spread over several threads, and hands the bytes to a sink on the calling thread, in
 * address order. Spans are cut into chunks of at most {@link #CHUNK} bytes at CHUNK-aligned addresses
 * (so chunks of page-aligned spans hold whole pages); a few chunks per thread are in flight, each in
 * a buffer of a fixed pool, so memory use does not grow with the dump.
 */
public final class PageStream {
    public static final int CHUNK = 1 << 20;

    /** Memory {@code [start, end)} to stream: read from the dump, or — with {@code zeros} — zero bytes without reading. */
    public record Span(long start, long end, boolean zeros) {
        public Span {
            if (Long.compareUnsigned(end, start) < 0) {
                throw new IllegalArgumentException("span end below start");
            }
        }

        public long size() {
            return end - start;
        }
    }

    /** Receives the bytes of the spans in address order. */
    @FunctionalInterface
    public interface Sink {
        void accept(long address, byte[] data, int length) throws IOException;
    }

    private final Memory memory;
    private final int threads;

    public PageStream(Memory memory) {
        this(memory, Runtime.getRuntime().availableProcessors());
    }

    public PageStream(Memory memory, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.memory = memory;
        this.threads = threads;
    }

    private record Chunk(long address, int length, boolean zeros) {
    }

    private record Pending(Chunk chunk, byte[] buffer, Future<?> read) {
    }

    /**
     * Streams every span to the sink.
     *
     * @param what the words shown with the progress, e.g. "Writing vmcore.elf"
     * @return the number of bytes streamed
     * @throws Progress.CancelledException when {@code progress} asks to stop (no further chunk is read)
     */
    public long copy(List<Span> spans, Progress progress, String what, Sink sink) throws IOException {
        Chunks chunks = new Chunks(spans);
        long total = 0;
        for (Span s : spans) {
            total += s.size();
        }
        int window = 2 * threads + 2;
        BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(window);
        for (int i = 0; i < window; i++) {
            buffers.add(new byte[CHUNK]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vmscope-page-stream");
            t.setDaemon(true);
            return t;
        });
        Deque<Pending> inFlight = new ArrayDeque<>();
        long done = 0;
        try {
            progress.update(what, 0, total);
            while (chunks.hasNext() || !inFlight.isEmpty()) {
                while (chunks.hasNext() && !buffers.isEmpty()) {
                    progress.checkCancelled();
                    Chunk c = chunks.next();
                    byte[] buffer = buffers.poll();
                    Future<?> read = c.zeros()
                            ? pool.submit(() -> Arrays.fill(buffer, 0, c.length(), (byte) 0))
                            : pool.submit(() -> memory.read(c.address(), buffer, 0, c.length()));
                    inFlight.add(new Pending(c, buffer, read));
                }
                Pending p = inFlight.poll();
                await(p.read());
                sink.accept(p.chunk().address(), p.buffer(), p.chunk().length());
                buffers.add(p.buffer());
                done += p.chunk().length();
                progress.update(what, done, total);
            }
            return done;
        } finally {
            inFlight.forEach(p -> p.read().cancel(true));
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> read) throws IOException {
        try {
            read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Progress.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /** The spans cut into chunks, one at a time. */
    private static final class Chunks {
        private final List<Span> spans;
        private int span;
        private long at;

        Chunks(List<Span> spans) {
            this.spans = spans.stream().filter(s -> s.size() != 0).toList();
            this.at = this.spans.isEmpty() ? 0 : this.spans.getFirst().start();
        }

        boolean hasNext() {
            return span < spans.size();
        }

        Chunk next() {
            Span s = spans.get(span);
            long boundary = (at & -CHUNK) + CHUNK;
            long to = boundary != 0 && Long.compareUnsigned(boundary, s.end()) < 0 ? boundary : s.end();
            Chunk c = new Chunk(at, (int) (to - at), s.zeros());
            at = to;
            if (at == s.end() && ++span < spans.size()) {
                at = spans.get(span).start();
            }
            return c;
        }
    }
}
