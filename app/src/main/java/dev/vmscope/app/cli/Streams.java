package dev.vmscope.app.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Where a command reads ({@code --from -}) and writes its output. Errors never go here. */
record Streams(InputStream in, OutputStream out) {
    private static final int BUFFER = 1 << 16;

    /** A buffered UTF-8 writer for text output; flush it when done. */
    PrintWriter text() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER));
    }

    Json json() {
        return new Json(out, this::checkOutput);
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
