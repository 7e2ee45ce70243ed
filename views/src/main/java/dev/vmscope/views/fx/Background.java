package dev.vmscope.views.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read dump memory for the panes, so that the FX thread never waits on a file.
 * Daemon threads: an open window never keeps the JVM alive on their account.
 */
public final class Background {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService READERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "vmscope-reader-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    /** The executor every pane's reads run on. */
    public static ExecutorService readers() {
        return READERS;
    }
}
