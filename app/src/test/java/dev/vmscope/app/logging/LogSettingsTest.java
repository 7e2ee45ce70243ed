package dev.vmscope.app.logging;

import elf4j.Level;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the log goes, after the XDG base directory specification (XDG_STATE_HOME, default ~/.local/state). */
class LogSettingsTest {
    private static final Map<String, String> HOME_ONLY = Map.of("user.home", "/home/ada");

    @Test
    void withoutXdgStateHomeTheLogIsInLocalState() {
        LogSettings s = LogSettings.from(Map.of(), HOME_ONLY::get);
        assertEquals(Path.of("/home/ada/.local/state/vmscope/vmscope.log"), s.file());
        assertEquals(Level.INFO, s.level());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void anAbsoluteXdgStateHomeIsUsed() {
        LogSettings s = LogSettings.from(Map.of("XDG_STATE_HOME", "/var/state/ada"), HOME_ONLY::get);
        assertEquals(Path.of("/var/state/ada/vmscope/vmscope.log"), s.file());
    }

    @Test
    void aRelativeXdgStateHomeIsIgnoredAndSaidSo() {
        LogSettings s = LogSettings.from(Map.of("XDG_STATE_HOME", "state"), HOME_ONLY::get);
        assertEquals(Path.of("/home/ada/.local/state/vmscope/vmscope.log"), s.file());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().getFirst().startsWith("XDG_STATE_HOME=state is not an absolute path"));
    }

    @Test
    void theDirectoryPropertyWinsOverXdg() {
        Map<String, String> props = Map.of("user.home", "/home/ada", "vmscope.log.dir", "/tmp/logs");
        LogSettings s = LogSettings.from(Map.of("XDG_STATE_HOME", "/var/state/ada"), props::get);
        assertEquals(Path.of("/tmp/logs/vmscope.log"), s.file());
    }

    @Test
    void theLevelPropertyChangesTheLevel() {
        Map<String, String> props = Map.of("user.home", "/home/ada", "vmscope.log.level", "DEBUG");
        assertEquals(Level.DEBUG, LogSettings.from(Map.of(), props::get).level());
    }

    @Test
    void theLevelVariableServesTheLauncherAndThePropertyWins() {
        assertEquals(Level.TRACE, LogSettings.from(Map.of("VMSCOPE_LOG_LEVEL", "trace"), HOME_ONLY::get).level());
        Map<String, String> props = Map.of("user.home", "/home/ada", "vmscope.log.level", "error");
        assertEquals(Level.ERROR, LogSettings.from(Map.of("VMSCOPE_LOG_LEVEL", "trace"), props::get).level());
    }

    @Test
    void anUnknownLevelKeepsInfoAndSaysWhatIsAccepted() {
        Map<String, String> props = Map.of("user.home", "/home/ada", "vmscope.log.level", "verbose");
        LogSettings s = LogSettings.from(Map.of(), props::get);
        assertEquals(Level.INFO, s.level());
        assertEquals(List.of("vmscope.log.level=verbose is not a level (expected one of TRACE, DEBUG, INFO, WARN,"
                + " ERROR, OFF)"), s.problems());
    }
}
