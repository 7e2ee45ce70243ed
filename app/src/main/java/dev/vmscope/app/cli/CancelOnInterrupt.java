package dev.vmscope.app.cli;

import dev.vmscope.core.Progress;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Progress that turns an interrupt of the process (Ctrl-C, SIGTERM) into a cancellation, so that long work
 * which writes files can remove what it left unfinished: the shutdown hook asks the work to stop and waits
 * a little for it to clean up before the JVM ends.
 */
final class CancelOnInterrupt implements Progress, AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    private final Progress inner;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    CancelOnInterrupt(Progress inner) {
        this.inner = inner;
        this.hook = new Thread(this::interrupt, "vmscope-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void interrupt() {
        interrupted = true;
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void update(String what, long done, long total) {
        inner.update(what, done, total);
    }

    @Override
    public boolean cancelled() {
        return interrupted || inner.cancelled();
    }

    /** The work is over (done, failed or cancelled): the hook need not wait, and goes. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has been released
        }
    }
}
