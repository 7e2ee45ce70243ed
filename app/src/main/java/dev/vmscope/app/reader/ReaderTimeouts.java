package dev.vmscope.app.reader;

import java.time.Duration;

/**
 * How long to wait for the reader: for its announcement (a password prompt may come first) and for
 * each answer. A reader that takes longer is stopped and its source reported broken.
 */
public record ReaderTimeouts(Duration announcement, Duration answer) {
    public static final ReaderTimeouts DEFAULT = new ReaderTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(30));

    /** {@code 30 s}, {@code 5 min}: a duration in words. */
    static String words(Duration d) {
        long s = d.toSeconds();
        return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s > 0 ? s + " s" : d.toMillis() + " ms";
    }
}
