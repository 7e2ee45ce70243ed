package dev.vmscope.app.logging;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogLevelsTest {

    @Test
    void eachElf4jLevelHasItsJulCounterpart() {
        assertEquals(Level.FINEST, LogLevels.toJul(elf4j.Level.TRACE));
        assertEquals(Level.FINE, LogLevels.toJul(elf4j.Level.DEBUG));
        assertEquals(Level.INFO, LogLevels.toJul(elf4j.Level.INFO));
        assertEquals(Level.WARNING, LogLevels.toJul(elf4j.Level.WARN));
        assertEquals(Level.SEVERE, LogLevels.toJul(elf4j.Level.ERROR));
        assertEquals(Level.OFF, LogLevels.toJul(elf4j.Level.OFF));
    }

    @Test
    void theLogSpeaksElf4jWordsForEveryJulLevel() {
        for (elf4j.Level level : new elf4j.Level[] {elf4j.Level.TRACE, elf4j.Level.DEBUG, elf4j.Level.INFO,
                elf4j.Level.WARN, elf4j.Level.ERROR}) {
            assertEquals(level.name(), LogLevels.label(LogLevels.toJul(level)));
        }
        assertEquals("DEBUG", LogLevels.label(Level.CONFIG));
        assertEquals("TRACE", LogLevels.label(Level.FINER));
    }

    @Test
    void levelNamesParseInAnyCase() {
        assertEquals(Optional.of(elf4j.Level.DEBUG), LogLevels.parse("debug"));
        assertEquals(Optional.of(elf4j.Level.WARN), LogLevels.parse(" Warn "));
        assertEquals(Optional.empty(), LogLevels.parse("WARNING"));
        assertEquals("TRACE, DEBUG, INFO, WARN, ERROR, OFF", LogLevels.names());
    }
}
