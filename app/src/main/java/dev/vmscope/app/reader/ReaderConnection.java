package dev.vmscope.app.reader;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The two ends of a pipe to a reader and a way to stop it: a reader process, or a reader running in
 * this process (tests).
 */
public interface ReaderConnection extends AutoCloseable {
    /** The reader's name in messages, e.g. {@code reader process 4711 (pkexec)}. */
    String name();

    /** Answers from the reader. */
    InputStream fromReader();

    /** Requests to the reader. */
    OutputStream toReader();

    /** Stops the reader at once (it hung or answered nonsense). */
    void kill();

    /** What became of the reader, for messages: its exit status and last words, or that it still runs. */
    String fate();

    /** Closes the request pipe; the reader ends when it sees the end of its input. */
    @Override
    void close();
}
