package dev.vmscope.app.cli;

import dev.vmscope.core.Progress;

import java.io.Console;
import java.io.PrintStream;

/**
 * Long work drawn as one line on a terminal's standard error, redrawn in place at most ten times a second:
 * a bar and a percentage when the total is known, a count otherwise. {@link #done} clears the line.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    private static final long EVERY_NANOS = 100_000_000L;
    private static final int BAR = 30;
    private static final int WIDTH = 78;

    private final PrintStream err;
    private long lastDrawn = System.nanoTime();
    private boolean drawn;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Whether the process runs on a terminal (not a pipe, not a test). */
    static boolean onTerminal() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }

    @Override
    public synchronized void update(String what, long done, long total) {
        long now = System.nanoTime();
        if (now - lastDrawn < EVERY_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        String line = total > 0 ? what + " " + bar(done, total) : what + " " + done;
        err.print("\r" + pad(line));
        err.flush();
    }

    static String bar(long done, long total) {
        long d = Math.clamp(done, 0, total);
        int filled = (int) (d * BAR / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + (d * 100 / total) + "%";
    }

    private static String pad(String line) {
        String cut = line.length() > WIDTH ? line.substring(0, WIDTH) : line;
        return cut + " ".repeat(WIDTH - cut.length());
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    /** Clears the line, so that what follows starts on a clean one. */
    synchronized void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH) + "\r");
            err.flush();
            drawn = false;
        }
    }

    @Override
    public void close() {
        done();
    }
}
