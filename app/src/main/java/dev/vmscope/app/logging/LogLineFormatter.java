package dev.vmscope.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record — {@code 2026-11-21T07:43:20.998+01:00 INFO [main] dev.vmscope.core.Session: text} —
 * followed by the stack trace of a record's throwable, causes and suppressed exceptions included.
 */
final class LogLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(record.getInstant())).append(' ')
                .append(LogLevels.label(record.getLevel())).append(" [")
                .append(Thread.currentThread().getName()).append("] ")
                .append(record.getLoggerName() == null ? "" : record.getLoggerName()).append(':');
        String message = formatMessage(record);
        if (message != null && !message.isEmpty()) {
            line.append(' ').append(message);
        }
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                record.getThrown().printStackTrace(out);
            }
            line.append(trace);
        }
        return line.toString();
    }
}
