package dev.vmscope.app.reader;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * vmscope's side of the pipe: reads physical memory by asking the reader, one request at a time,
 * each bounded by the announced maximum and answered within a timeout. A reader that hangs, dies or
 * answers nonsense is stopped and every later read fails at once with the same words: the caller
 * gets a clear error, never a hang.
 */
public final class ReaderClient implements PositionalStorage.Source {
    private final ReaderConnection connection;
    private final ReaderTimeouts timeouts;
    private final ExecutorService pipe;
    private final Announcement announcement;
    private final WireInput in;
    private final WireOutput out;
    private volatile String broken;

    private ReaderClient(ReaderConnection connection, ReaderTimeouts timeouts, ExecutorService pipe, Announcement announcement) {
        this.connection = connection;
        this.timeouts = timeouts;
        this.pipe = pipe;
        this.announcement = announcement;
        this.in = new WireInput(connection.fromReader(), connection.name(), "reader reply", Long.MAX_VALUE);
        this.out = new WireOutput(connection.toReader());
    }

    /**
     * Waits for the reader's announcement.
     *
     * @throws DumpIoException when the reader refuses (it could not open the source), ends or times out first
     * @throws dev.vmscope.core.DumpFormatException when the announcement is malformed
     */
    public static ReaderClient connect(ReaderConnection connection, ReaderTimeouts timeouts) {
        ExecutorService pipe = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vmscope-reader-pipe");
            t.setDaemon(true);
            return t;
        });
        try {
            WireInput hello = new WireInput(connection.fromReader(), connection.name(), "reader announcement", ReaderProtocol.MAX_ANNOUNCEMENT);
            AnnouncementCodec.Hello h = timed(pipe, () -> AnnouncementCodec.read(hello, connection.name()), timeouts.announcement());
            return switch (h) {
                case AnnouncementCodec.Hello.Ready r -> new ReaderClient(connection, timeouts, pipe, r.announcement());
                case AnnouncementCodec.Hello.Refused r -> {
                    stop(connection, pipe);
                    throw new DumpIoException(connection.name(), "the reader could not open the live source", new IOException(r.message()));
                }
            };
        } catch (TimeoutException e) {
            stop(connection, pipe);
            throw new DumpIoException(connection.name(), "no announcement from the reader within "
                    + ReaderTimeouts.words(timeouts.announcement()) + "; it was stopped", new IOException(connection.fate()));
        } catch (IOException e) {
            String fate = connection.fate();
            stop(connection, pipe);
            throw new DumpIoException(connection.name(), "the reader ended before it announced its source", new IOException(fate, e));
        } catch (RuntimeException e) {
            stop(connection, pipe);
            throw e;
        }
    }

    private static <T> T timed(ExecutorService pipe, Callable<T> work, Duration timeout) throws IOException, TimeoutException {
        Future<T> f = pipe.submit(work);
        try {
            return f.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the reader");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case DumpException d -> throw d;
                case RuntimeException r -> throw r;
                default -> throw new IOException(e.getCause());
            }
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    private static void stop(ReaderConnection connection, ExecutorService pipe) {
        connection.kill();
        pipe.shutdownNow();
    }

    public Announcement announcement() {
        return announcement;
    }

    @Override
    public String name() {
        return connection.name();
    }

    @Override
    public long size() {
        return Long.MAX_VALUE;
    }

    @Override
    public synchronized int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        if (broken != null) {
            throw new IOException(broken);
        }
        int n = Math.min(length, announcement.maxRead());
        byte[] data;
        try {
            data = timed(pipe, () -> exchange(position, n), timeouts.answer());
        } catch (TimeoutException e) {
            throw fail("the reader did not answer a read of " + n + " bytes at " + Hex.of(position) + " within "
                    + ReaderTimeouts.words(timeouts.answer()) + "; it was stopped", null);
        } catch (ReaderRefusal r) {
            throw new IOException(r.getMessage());
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | DumpException e) {
            throw fail("the reader stopped answering: " + e.getMessage() + " (" + connection.fate() + ")", e);
        }
        System.arraycopy(data, 0, dst, dstOffset, n);
        return n;
    }

    private byte[] exchange(long address, int length) throws IOException {
        out.i32(ReaderProtocol.OP_READ).i64(address).i32(length).flush();
        int status = in.i32("status");
        if (status == ReaderProtocol.OK) {
            int n = in.count("data length", ReaderProtocol.MAX_READ);
            if (n != length) {
                throw new IOException("it answered " + n + " bytes to a read of " + length);
            }
            return in.exactly(n, "data");
        }
        String message = in.string("message", ReaderProtocol.MAX_MESSAGE);
        if (status == ReaderProtocol.BAD_REQUEST) {
            throw new IOException(ReaderProtocol.statusWord(status) + ": " + message);
        }
        throw new ReaderRefusal(ReaderProtocol.statusWord(status) + ": " + message);
    }

    /** The reader answered with an error and goes on serving. */
    private static final class ReaderRefusal extends IOException {
        ReaderRefusal(String message) {
            super(message);
        }
    }

    private IOException fail(String message, Throwable cause) {
        broken = message;
        connection.kill();
        pipe.shutdownNow();
        return new IOException(message, cause);
    }

    @Override
    public void close() {
        broken = "the live source was closed";
        pipe.shutdownNow();
        connection.close();
    }
}
