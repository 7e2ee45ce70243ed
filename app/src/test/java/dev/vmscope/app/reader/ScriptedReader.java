package dev.vmscope.app.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A reader that says exactly the given bytes and then either ends or hangs (blocks until killed):
 * the broken readers the client must survive. Requests are swallowed.
 */
final class ScriptedReader implements ReaderConnection {
    private final InputStream fromReader;
    private final CountDownLatch killed = new CountDownLatch(1);
    private volatile boolean wasKilled;

    private ScriptedReader(byte[] says, boolean hangs) {
        InputStream tail = hangs ? new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    killed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("killed");
            }
        } : InputStream.nullInputStream();
        this.fromReader = new SequenceInputStream(new ByteArrayInputStream(says), tail);
    }

    static ScriptedReader endsAfter(byte[] says) {
        return new ScriptedReader(says, false);
    }

    static ScriptedReader hangsAfter(byte[] says) {
        return new ScriptedReader(says, true);
    }

    boolean wasKilled() {
        return wasKilled;
    }

    @Override
    public String name() {
        return "scripted reader";
    }

    @Override
    public InputStream fromReader() {
        return fromReader;
    }

    @Override
    public OutputStream toReader() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public void kill() {
        wasKilled = true;
        killed.countDown();
    }

    @Override
    public String fate() {
        return wasKilled ? "it was killed" : "it exited with status 9: out of cheese";
    }

    @Override
    public void close() {
        killed.countDown();
    }
}
