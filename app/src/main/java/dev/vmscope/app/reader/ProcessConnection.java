package dev.vmscope.app.reader;

import elf4j.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A reader process: its standard input and output are the pipe; what it writes on standard error
 * (pkexec's and sudo's complaints, the reader's own) is kept, the last lines, for messages.
 */
public final class ProcessConnection implements ReaderConnection {
    private static final Logger LOG = Logger.instance();
    private static final int KEPT_LINES = 8;

    private final Process process;
    private final String name;
    private final Deque<String> lastWords = new ArrayDeque<>();

    private ProcessConnection(Process process, String name) {
        this.process = process;
        this.name = name;
        Thread drain = new Thread(this::drainErrors, "vmscope-reader-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts a reader.
     *
     * @param how how it was started, for its name (e.g. {@code pkexec})
     */
    public static ProcessConnection start(List<String> command, String how) throws IOException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        return new ProcessConnection(p, "reader process " + p.pid() + " (" + how + ")");
    }

    private void drainErrors() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.atDebug().log("{}: {}", name, line);
                synchronized (lastWords) {
                    lastWords.addLast(line.strip());
                    if (lastWords.size() > KEPT_LINES) {
                        lastWords.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the reader is gone; what it said is kept
        }
    }

    /** The reader's process id (pkexec's and sudo's become or start the reader). */
    public long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream fromReader() {
        return process.getInputStream();
    }

    @Override
    public OutputStream toReader() {
        return process.getOutputStream();
    }

    /**
     * Closes both pipes, so that the reader sees the end of its input and a broken pipe even where
     * this process may not signal it (a reader running as root), and signals it where it may.
     */
    @Override
    public void kill() {
        close();
        try {
            process.getInputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        process.destroyForcibly();
    }

    @Override
    public String fate() {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                return "it is still running";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "it is still running";
        }
        String said;
        synchronized (lastWords) {
            said = lastWords.stream().filter(l -> !l.isEmpty()).reduce((a, b) -> a + " / " + b).orElse("");
        }
        return "it exited with status " + process.exitValue() + (said.isEmpty() ? "" : ": " + said);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the reader already went away
        }
    }
}
