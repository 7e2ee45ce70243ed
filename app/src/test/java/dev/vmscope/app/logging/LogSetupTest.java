package dev.vmscope.app.logging;

import elf4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging once set up: everything goes to the file, nothing to the console. */
class LogSetupTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        LogSetup.install(LogSettings.fromEnvironment());
    }

    @Test
    void theRootHasOnlyTheFileHandler() {
        LogSetup.install(new LogSettings(dir.resolve("vmscope.log"), elf4j.Level.INFO, List.of()));
        Handler[] handlers = java.util.logging.Logger.getLogger("").getHandlers();
        assertEquals(1, handlers.length);
        RollingLogFile file = assertInstanceOf(RollingLogFile.class, handlers[0]);
        assertEquals(dir.resolve("vmscope.log"), file.file());
    }

    @Test
    void logsGoToTheFileAndNeverToTheConsole() throws IOException {
        Path log = dir.resolve("state/vmscope.log");
        LogSetup.install(new LogSettings(log, elf4j.Level.DEBUG, List.of("a problem with the settings")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Logger logger = Logger.instance();
            logger.debug("debug {}", 1);
            logger.trace("trace is below DEBUG");
            logger.error(new IllegalStateException("boom"), "failed at {}", "0xffffffff81000000");
            java.util.logging.Logger.getLogger("javafx.scene").warning("from a library");
            System.getLogger("jdk.internal").log(System.Logger.Level.ERROR, "from the JDK");
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));

        String text = Files.readString(log);
        String me = LogSetupTest.class.getName();
        String thread = Thread.currentThread().getName();
        String setup = LogSetup.class.getName();
        assertTrue(text.contains(" WARN [" + thread + "] " + setup + ": a problem with the settings"), text);
        assertTrue(text.contains(" DEBUG [" + thread + "] " + me + ": debug 1"), text);
        assertFalse(text.contains("trace is below DEBUG"), text);
        assertTrue(text.contains(" ERROR [" + thread + "] " + me + ": failed at 0xffffffff81000000"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains(" WARN [" + thread + "] javafx.scene: from a library"), text);
        assertTrue(text.contains(" ERROR [main] jdk.internal: from the JDK"), text);
    }
}
