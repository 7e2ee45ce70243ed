package dev.vmscope.app.logging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;

/**
 * Points {@code java.util.logging} — which carries vmscope's own records and those of the JDK and JavaFX —
 * at the rotating log file and nowhere else: the JDK's default console handler is removed, so no log line
 * ever reaches the terminal. {@code Main} calls {@link #ensureInstalled()} first thing; the elf4j provider
 * calls it too, so that logging is set up whichever comes first.
 */
public final class LogSetup {
    /** The log file is rotated once it would grow past this size. */
    static final long LIMIT_BYTES = 5L * 1024 * 1024;
    /** Rotated files kept beside the log: {@code vmscope.log.1} … {@code vmscope.log.3}. */
    static final int KEPT = 3;

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private LogSetup() {
    }

    /** Sets logging up from this process's environment, unless it has been set up already. */
    public static void ensureInstalled() {
        if (!INSTALLED.get()) {
            synchronized (LogSetup.class) {
                if (!INSTALLED.get()) {
                    install(LogSettings.fromEnvironment());
                }
            }
        }
    }

    /**
     * Replaces whatever JUL was configured with by one rotating file handler and the settings' level, then
     * writes the settings' problems into that file.
     */
    public static synchronized void install(LogSettings settings) {
        LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(LogLevels.toJul(settings.level()));
        root.addHandler(new RollingLogFile(settings.file(), LIMIT_BYTES, KEPT));
        INSTALLED.set(true);
        java.util.logging.Logger own = java.util.logging.Logger.getLogger(LogSetup.class.getName());
        settings.problems().forEach(own::warning);
    }
}
