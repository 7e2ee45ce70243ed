package dev.vmscope.app.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
        return new Json(out);
    }

    /** Flushes a text writer and reports a failed write (a closed pipe, a full disk) as one. */
    static void finish(PrintWriter w) {
        w.flush();
        if (w.checkError()) {
            throw CliFailure.usage("cannot write the output (the reader closed it, or the disk is full)");
        }
    }
}
