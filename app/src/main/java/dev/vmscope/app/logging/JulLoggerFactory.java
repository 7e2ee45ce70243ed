package dev.vmscope.app.logging;

import elf4j.Level;
import elf4j.Logger;
import elf4j.spi.LoggerFactory;

import java.util.Optional;

/**
 * vmscope's elf4j provider, found by {@code ServiceLoader} through
 * {@code META-INF/services/elf4j.spi.LoggerFactory}. {@code Logger.instance()} gets an INFO logger named
 * after the class that called it; the first one also sets up the log file ({@link LogSetup#ensureInstalled}).
 */
public final class JulLoggerFactory implements LoggerFactory {
    /** The name used when no calling class can be seen (a call from outside Java code). */
    static final String FALLBACK_NAME = "vmscope";

    private static final StackWalker WALKER = StackWalker.getInstance();

    /** Called by {@code ServiceLoader}. */
    public JulLoggerFactory() {
    }

    @Override
    public Logger getLogger() {
        LogSetup.ensureInstalled();
        return new JulLogger(java.util.logging.Logger.getLogger(callerName()), Level.INFO);
    }

    /** The first class on the stack that is neither this factory nor part of the elf4j facade. */
    static String callerName() {
        Optional<String> caller = WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(name -> !isFacade(name))
                .findFirst());
        return caller.orElse(FALLBACK_NAME);
    }

    private static boolean isFacade(String className) {
        return className.equals(JulLoggerFactory.class.getName()) || className.startsWith("elf4j.");
    }
}
