package dev.vmscope.app.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A JUL handler that appends to one file ({@code vmscope.log}) and, once it would grow past a size limit,
 * renames it to {@code vmscope.log.1} (the older ones moving to {@code .2}, {@code .3}, … up to the number
 * kept) and starts a new one. The file and its directory are created with the first record, so a process
 * that logs nothing leaves nothing behind. A file that cannot be written silences the handler: problems are
 * never reported on the console, which belongs to the command line.
 */
final class RollingLogFile extends Handler {
    private final Path file;
    private final long limit;
    private final int kept;
    private OutputStream out;
    private long written;
    private boolean closed;

    /**
     * @param file  the log file
     * @param limit the size in bytes past which the file is rotated
     * @param kept  how many rotated files are kept beside it
     */
    RollingLogFile(Path file, long limit, int kept) {
        if (limit <= 0 || kept < 1) {
            throw new IllegalArgumentException("limit " + limit + " and kept " + kept + " must be positive");
        }
        this.file = file;
        this.limit = limit;
        this.kept = kept;
        setFormatter(new LogLineFormatter());
        setErrorManager(new ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                // Deliberately silent: the default ErrorManager would print to System.err.
            }
        });
        setLevel(Level.ALL);
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (out == null) {
                open();
            } else if (written > 0 && written + bytes.length > limit) {
                out.close();
                out = null;
                rotate();
                open();
            }
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException | RuntimeException e) {
            closed = true;
            closeStream();
            reportError("cannot write " + file, e instanceof Exception x ? x : null, ErrorManager.WRITE_FAILURE);
        }
    }

    /** Opens the file for appending, rotating first a file that an earlier run left at or over the limit. */
    private void open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.isRegularFile(file) && Files.size(file) >= limit) {
            rotate();
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    /** {@code vmscope.log.(n-1)} → {@code .n}, …, {@code vmscope.log} → {@code .1}; the oldest is dropped. */
    private void rotate() throws IOException {
        for (int n = kept - 1; n >= 1; n--) {
            moveIfPresent(generation(n), generation(n + 1));
        }
        moveIfPresent(file, generation(1));
    }

    private Path generation(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    /** A file another vmscope process has just rotated away is no error. */
    private static void moveIfPresent(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // nothing to move
        }
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                reportError("cannot flush " + file, e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeStream();
    }

    private void closeStream() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError("cannot close " + file, e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
    }
}
