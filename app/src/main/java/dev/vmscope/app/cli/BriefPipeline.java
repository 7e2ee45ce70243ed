package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.BatchTranslator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code vtop --from FILE --brief} on several threads: the calling thread reads blocks of whole lines
 * and writes their output in input order; workers parse, translate and format, each block with a
 * translator no other worker holds meanwhile. A fixed number of blocks is in flight, whatever the length of the input.
 */
final class BriefPipeline {
    private final AddressInput input;
    private final BriefOutput output;
    private final ExecutorService workers;
    /** One translator per worker, made up front; a block takes one while it is translated. */
    private final BlockingQueue<BatchTranslator> translators;
    private final int maxInFlight;
    private final ArrayDeque<Future<BriefBlock.Translated>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<BriefBlock> free = new ArrayDeque<>();
    private final BriefTally tally = new BriefTally();
    /** The lines of the blocks written so far, for the number of a bad line. */
    private long lines;

    private BriefPipeline(AddressInput input, BriefOutput output, Supplier<BatchTranslator> translators, int threads) {
        this.input = input;
        this.output = output;
        this.translators = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            this.translators.add(translators.get());
        }
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("vmscope-vtop-", 0).factory());
        this.maxInFlight = 2 * threads;
    }

    /**
     * Translates every address of {@code input} and writes its line; a bad line or a failure stops after
     * the lines before it are written.
     *
     * @param translators makes the translator of each worker, all before the first line is read, so a
     *                    session that cannot translate fails first
     */
    static BriefTally run(AddressInput input, BriefOutput output, Supplier<BatchTranslator> translators, int threads) {
        BriefPipeline p = new BriefPipeline(input, output, translators, Math.max(1, threads));
        try {
            p.run();
            return p.tally;
        } finally {
            p.workers.shutdownNow();
        }
    }

    private void run() {
        while (true) {
            BriefBlock block = free.isEmpty() ? new BriefBlock() : free.pop();
            try {
                if (!block.read(input)) {
                    break;
                }
            } catch (IOException e) {
                writeAll();
                throw input.readFailure(e, lines);
            }
            inFlight.add(workers.submit(() -> translate(block)));
            if (inFlight.size() >= maxInFlight) {
                free.push(writeFirst());
            }
        }
        writeAll();
    }

    private BriefBlock.Translated translate(BriefBlock block) throws InterruptedException {
        BatchTranslator t = translators.take();
        try {
            return block.translate(t);
        } finally {
            translators.add(t);
        }
    }

    private void writeAll() {
        while (!inFlight.isEmpty()) {
            free.push(writeFirst());
        }
    }

    /** Waits for the oldest block in flight, writes its lines and adds its tally; returns it for reuse. */
    private BriefBlock writeFirst() {
        BriefBlock.Translated t = await(inFlight.remove());
        output.write(t.output(), t.outputLength());
        tally.add(t.tally());
        if (t.failure() != null) {
            throw t.failure();
        }
        if (t.bad() != null) {
            throw t.bad().failure(input.name(), lines);
        }
        lines += t.lines();
        return t.block();
    }

    private static BriefBlock.Translated await(Future<BriefBlock.Translated> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while translating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
