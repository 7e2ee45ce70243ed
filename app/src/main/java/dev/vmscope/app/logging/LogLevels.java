package dev.vmscope.app.logging;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How elf4j's levels map onto {@code java.util.logging}'s, and back for the words written in the log. */
final class LogLevels {
    private LogLevels() {
    }

    /** The JUL level an elf4j level logs at. */
    static java.util.logging.Level toJul(elf4j.Level level) {
        return switch (level) {
            case TRACE -> java.util.logging.Level.FINEST;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARN -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }

    /**
     * The elf4j word for a JUL level, also for records that other libraries log straight through JUL
     * (CONFIG counts as DEBUG, FINER as TRACE).
     */
    static String label(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= java.util.logging.Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    /** An elf4j level from its name in any case, e.g. {@code debug}; empty when the text names none. */
    static Optional<elf4j.Level> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(elf4j.Level.values()).filter(l -> l.name().equals(name)).findFirst();
    }

    /** The accepted names, for messages: {@code TRACE, DEBUG, INFO, WARN, ERROR, OFF}. */
    static String names() {
        return Arrays.stream(elf4j.Level.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
