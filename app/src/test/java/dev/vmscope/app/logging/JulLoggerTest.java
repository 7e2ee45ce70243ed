package dev.vmscope.app.logging;

import elf4j.Level;
import elf4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider as application code meets it: through {@code elf4j.Logger.instance()}. */
class JulLoggerTest {
    private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger(JulLoggerTest.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.instance(); // sets logging up first, so that it does not reset the capture below
        jul.addHandler(capture);
        jul.setLevel(java.util.logging.Level.INFO);
    }

    @AfterEach
    void stop() {
        jul.removeHandler(capture);
        jul.setLevel(null);
    }

    @Test
    void theFacadeFindsThisProviderAndNamesTheLoggerAfterTheCaller() {
        Logger logger = Logger.instance();
        JulLogger ours = assertInstanceOf(JulLogger.class, logger);
        assertEquals(JulLoggerTest.class.getName(), ours.delegate().getName());
        assertEquals(Level.INFO, logger.getLevel());
    }

    @Test
    void callingTheFactoryDirectlyAlsoNamesTheCaller() {
        assertEquals(JulLoggerTest.class.getName(), JulLoggerFactory.callerName());
    }

    @Test
    void eachElf4jLevelArrivesAtItsJulLevelAndTheDefaultIsInfo() {
        jul.setLevel(java.util.logging.Level.ALL);
        Logger logger = Logger.instance();
        logger.log("plain");
        logger.trace("t");
        logger.debug("d");
        logger.info("i");
        logger.warn("w");
        logger.error("e");
        assertEquals(List.of(java.util.logging.Level.INFO, java.util.logging.Level.FINEST,
                        java.util.logging.Level.FINE, java.util.logging.Level.INFO, java.util.logging.Level.WARNING,
                        java.util.logging.Level.SEVERE),
                records.stream().map(LogRecord::getLevel).toList());
        assertEquals(List.of("plain", "t", "d", "i", "w", "e"), records.stream().map(LogRecord::getMessage).toList());
        assertTrue(records.stream().allMatch(r -> r.getLoggerName().equals(JulLoggerTest.class.getName())
                && r.getSourceClassName().equals(JulLoggerTest.class.getName())));
    }

    @Test
    void argumentsFillThePlaceholdersAndTheThrowableTravelsWithTheRecord() {
        IllegalStateException failure = new IllegalStateException("corrupt header");
        Logger.instance().atWarn().log(failure, "cannot open {} at offset {}", "vmcore", "0x40");
        LogRecord r = records.getFirst();
        assertEquals("cannot open vmcore at offset 0x40", r.getMessage());
        assertSame(failure, r.getThrown());
        assertNull(r.getParameters());
    }

    @Test
    void aThrowableAloneIsLoggedWithAnEmptyMessage() {
        IllegalArgumentException failure = new IllegalArgumentException("x");
        Logger.instance().error(failure);
        assertSame(failure, records.getFirst().getThrown());
        assertEquals("", records.getFirst().getMessage());
    }

    @Test
    void belowTheThresholdNothingIsLoggedAndNoSupplierIsAsked() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Object> expensive = () -> "n=" + asked.incrementAndGet();
        Logger logger = Logger.instance();
        assertFalse(logger.atDebug().isEnabled());
        logger.debug("value {}", expensive);
        logger.atDebug().log(expensive);
        assertTrue(records.isEmpty());
        assertEquals(0, asked.get());
        logger.info("value {}", expensive);
        assertEquals("value n=1", records.getFirst().getMessage());
    }

    @Test
    void offLogsNothingAndLevelsAreImmutable() {
        Logger logger = Logger.instance();
        Logger off = logger.atLevel(Level.OFF);
        assertFalse(off.isEnabled());
        off.log("never");
        assertTrue(records.isEmpty());
        assertSame(logger, logger.atInfo());
        assertEquals(Level.INFO, logger.getLevel());
        assertEquals(Level.ERROR, logger.atError().getLevel());
    }
}
