package dev.vmscope.app.logging;

import elf4j.Level;
import elf4j.Logger;

import java.util.logging.LogRecord;

/**
 * An elf4j logger that writes through a {@code java.util.logging.Logger} of the same name. Immutable and
 * thread-safe, as elf4j requires: {@link #atLevel} gives another instance and never changes this one.
 *
 * @param delegate the JUL logger (named after the class that asked for the logger)
 * @param level    the level {@code log(...)} writes at
 */
record JulLogger(java.util.logging.Logger delegate, Level level) implements Logger {

    @Override
    public Logger atLevel(Level other) {
        return other == level ? this : new JulLogger(delegate, other);
    }

    @Override
    public Level getLevel() {
        return level;
    }

    @Override
    public boolean isEnabled() {
        return level != Level.OFF && delegate.isLoggable(LogLevels.toJul(level));
    }

    @Override
    public void log(Object message) {
        if (isEnabled()) {
            publish(null, MessageTemplate.render(message));
        }
    }

    @Override
    public void log(String message, Object... arguments) {
        if (isEnabled()) {
            publish(null, MessageTemplate.format(message, arguments));
        }
    }

    @Override
    public void log(Throwable throwable) {
        if (isEnabled()) {
            publish(throwable, "");
        }
    }

    @Override
    public void log(Throwable throwable, Object message) {
        if (isEnabled()) {
            publish(throwable, MessageTemplate.render(message));
        }
    }

    @Override
    public void log(Throwable throwable, String message, Object... arguments) {
        if (isEnabled()) {
            publish(throwable, MessageTemplate.format(message, arguments));
        }
    }

    /**
     * Hands one finished message to JUL. The source class is set to the logger's name so that JUL does not
     * walk the stack itself (it would find this class); no parameters are set, so the text is never run
     * through {@code MessageFormat}.
     */
    private void publish(Throwable throwable, String text) {
        LogRecord record = new LogRecord(LogLevels.toJul(level), text);
        record.setLoggerName(delegate.getName());
        record.setSourceClassName(delegate.getName());
        record.setThrown(throwable);
        delegate.log(record);
    }
}
