package dev.vmscope.app.reader;

import dev.vmscope.core.format.Dump;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link ReaderMain#run} on a thread of this process, joined to the client by two operating-system
 * pipes exactly as a reader process is: the same announcement, validation and answers.
 */
final class InProcessReader implements ReaderConnection {
    private final OutputStream toReader;
    private final InputStream fromReader;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    InProcessReader(String source, Function<String, Dump> open) throws IOException {
        Pipe requests = Pipe.open();
        Pipe answers = Pipe.open();
        toReader = Channels.newOutputStream(requests.sink());
        fromReader = Channels.newInputStream(answers.source());
        InputStream readerIn = Channels.newInputStream(requests.source());
        OutputStream readerOut = Channels.newOutputStream(answers.sink());
        Thread t = new Thread(() -> {
            try (readerIn; readerOut) {
                exit.complete(ReaderMain.run(new String[] {source}, readerIn, readerOut,
                        new PrintStream(errors, true, StandardCharsets.UTF_8), open));
            } catch (IOException | RuntimeException e) {
                exit.completeExceptionally(e);
            }
        }, "in-process-reader");
        t.setDaemon(true);
        t.start();
    }

    /** The reader's exit status, once it has ended. */
    int exitStatus() throws Exception {
        return exit.get(30, TimeUnit.SECONDS);
    }

    String errors() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "in-process reader";
    }

    @Override
    public InputStream fromReader() {
        return fromReader;
    }

    @Override
    public OutputStream toReader() {
        return toReader;
    }

    @Override
    public void kill() {
        close();
        try {
            fromReader.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public String fate() {
        return exit.isDone() ? "it exited with status " + exit.getNow(-1) : "it is still running";
    }

    @Override
    public void close() {
        try {
            toReader.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
