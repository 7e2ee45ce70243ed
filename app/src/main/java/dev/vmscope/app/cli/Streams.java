package dev.vmscope.app.cli;

import dev.vmscope.core.Progress;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads ({@code --from -}) and writes its output, and where a progress bar may go.
 * Errors never go to {@code out}.
 *
 * @param err standard error, for a progress bar when it is a terminal; null when there is none
 */
record Streams(InputStream in, OutputStream out, PrintStream err) {
    private static final int BUFFER = 1 << 16;

    /** Streams without a terminal: no progress is ever drawn. */
    Streams(InputStream in, OutputStream out) {
        this(in, out, null);
    }

    /**
     * A progress bar on standard error when it is the process's own and a terminal (never in a pipe or
     * a test); otherwise {@link Progress#NONE}.
     */
    Progress progress() {
        return err != null && err == System.err && TerminalProgress.onTerminal() ? new TerminalProgress(err) : Progress.NONE;
    }

    /** A buffered UTF-8 writer for text output; flush it when done. */
    PrintWriter text() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER));
    }

    Json json() {
        return new Json(out, this::checkOutput);
    }

    /** Clears a progress bar's line once its work is done. */
    static void endProgress(Progress p) {
        if (p instanceof TerminalProgress t) {
            t.done();
        }
    }

    /**
     * Stops the command when its output can no longer be written (the reader closed the pipe, the disk
     * is full): a {@link PrintStream} keeps such errors to itself, so long outputs ask now and then.
     */
    void checkOutput() {
        if (out instanceof PrintStream p && p.checkError()) {
            throw cannotWrite();
        }
    }

    /** Flushes a text writer and reports a failed write as one. */
    void finish(PrintWriter w) {
        w.flush();
        if (w.checkError()) {
            throw cannotWrite();
        }
        checkOutput();
    }

    private static CliFailure cannotWrite() {
        return CliFailure.usage("cannot write the output (the reader closed it, or the disk is full)");
    }
}
