package dev.vmscope.app.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingLogFileTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsCreatedUntilSomethingIsLogged() {
        Path file = dir.resolve("state/vmscope/vmscope.log");
        RollingLogFile handler = new RollingLogFile(file, 1024, 2);
        handler.close();
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void recordsAreAppendedOneLineEachInTheirDirectory() throws IOException {
        Path file = dir.resolve("state/vmscope/vmscope.log");
        RollingLogFile handler = new RollingLogFile(file, 1 << 20, 2);
        handler.publish(record(Level.INFO, "first"));
        handler.publish(record(Level.WARNING, "second"));
        handler.close();
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).endsWith(" INFO [" + Thread.currentThread().getName() + "] test.Source: first"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith(" WARN [" + Thread.currentThread().getName() + "] test.Source: second"),
                lines.get(1));
    }

    @Test
    void aFullFileIsRenamedAndOnlyTheNewestAreKept() throws IOException {
        Path file = dir.resolve("vmscope.log");
        int lineLength = lineLength();
        RollingLogFile handler = new RollingLogFile(file, 2L * lineLength, 2);
        for (int n = 1; n <= 7; n++) {
            handler.publish(record(Level.INFO, "line " + n));
        }
        handler.close();
        // Two lines fit in a file: 1 2 | 3 4 | 5 6 | 7 — the oldest pair is gone with two rotated files kept.
        assertEquals(List.of("line 7"), messages(file));
        assertEquals(List.of("line 5", "line 6"), messages(dir.resolve("vmscope.log.1")));
        assertEquals(List.of("line 3", "line 4"), messages(dir.resolve("vmscope.log.2")));
        assertFalse(Files.exists(dir.resolve("vmscope.log.3")));
    }

    @Test
    void aFileLeftFullByAnEarlierRunIsRotatedBeforeWriting() throws IOException {
        Path file = dir.resolve("vmscope.log");
        Files.writeString(file, "x".repeat(100) + "\n");
        RollingLogFile handler = new RollingLogFile(file, 100, 3);
        handler.publish(record(Level.INFO, "fresh"));
        handler.close();
        assertEquals(List.of("fresh"), messages(file));
        assertEquals("x".repeat(100), Files.readAllLines(dir.resolve("vmscope.log.1")).getFirst());
    }

    @Test
    void aFileThatCannotBeWrittenSilencesTheHandler() throws IOException {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "");
        RollingLogFile handler = new RollingLogFile(blocker.resolve("vmscope.log"), 1024, 2);
        handler.publish(record(Level.SEVERE, "lost"));
        handler.publish(record(Level.SEVERE, "lost too"));
        handler.close();
        assertEquals("", Files.readString(blocker));
    }

    @Test
    void aThrowableIsWrittenWithItsStackTraceAndCause() throws IOException {
        Path file = dir.resolve("vmscope.log");
        RollingLogFile handler = new RollingLogFile(file, 1 << 20, 2);
        LogRecord r = record(Level.SEVERE, "walk failed");
        r.setThrown(new IllegalStateException("outer", new java.io.IOException("inner")));
        handler.publish(r);
        handler.close();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(" ERROR ["), text);
        assertTrue(text.contains("java.lang.IllegalStateException: outer"), text);
        assertTrue(text.contains("\tat " + RollingLogFileTest.class.getName()), text);
        assertTrue(text.contains("Caused by: java.io.IOException: inner"), text);
    }

    private static LogRecord record(Level level, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("test.Source");
        return r;
    }

    /** The length of one formatted line whose message is "line n" (n one digit). */
    private static int lineLength() {
        return new LogLineFormatter().format(record(Level.INFO, "line 0")).getBytes(StandardCharsets.UTF_8).length;
    }

    private static List<String> messages(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.substring(l.indexOf("test.Source: ") + 13)).toList();
    }
}
