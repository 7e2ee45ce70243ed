package dev.vmscope.app.reader;

import dev.vmscope.core.DumpIoException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which elevation is chosen and the exact command lines, without elevating anything. */
class ReaderLauncherTest {
    private static final Path JAVA_HOME = Path.of("/opt/jdk-25");
    private static final String JAVA = "/opt/jdk-25/bin/java";
    private static final String CLASS_PATH = "/opt/vmscope/lib/vmscope-app.jar:/opt/vmscope/lib/vmscope-core.jar";

    /** A machine where exactly these files are executable. */
    private static LaunchEnvironment env(boolean desktop, boolean terminal, Set<String> executables, Optional<Path> appLauncher) {
        Map<String, String> vars = new HashMap<>(Map.of("PATH", "/usr/local/bin:/usr/bin:relative/bin"));
        if (desktop) {
            vars.put("WAYLAND_DISPLAY", "wayland-0");
        }
        return new LaunchEnvironment(vars, terminal, JAVA_HOME, CLASS_PATH, appLauncher, p -> executables.contains(p.toString()));
    }

    private static final Set<String> BOTH = Set.of("/usr/bin/pkexec", "/usr/bin/sudo", JAVA);

    private static ReaderLauncher.Choice.Use use(Elevation e, String program) {
        return new ReaderLauncher.Choice.Use(e, Path.of(program));
    }

    @Test
    void theGuiOnADesktopAsksPolkit() {
        assertEquals(use(Elevation.PKEXEC, "/usr/bin/pkexec"),
                ReaderLauncher.choose(env(true, true, BOTH, Optional.empty()), ReaderLauncher.Frontend.GUI));
    }

    @Test
    void theCommandLineOnATerminalAsksSudo() {
        assertEquals(use(Elevation.SUDO, "/usr/bin/sudo"),
                ReaderLauncher.choose(env(true, true, BOTH, Optional.empty()), ReaderLauncher.Frontend.CLI));
    }

    @Test
    void withoutATerminalOnlyPolkitCanAsk() {
        assertEquals(use(Elevation.PKEXEC, "/usr/bin/pkexec"),
                ReaderLauncher.choose(env(true, false, BOTH, Optional.empty()), ReaderLauncher.Frontend.CLI));
    }

    @Test
    void withoutPolkitTheGuiStartedFromATerminalUsesSudo() {
        assertEquals(use(Elevation.SUDO, "/usr/bin/sudo"),
                ReaderLauncher.choose(env(true, true, Set.of("/usr/bin/sudo", JAVA), Optional.empty()), ReaderLauncher.Frontend.GUI));
    }

    @Test
    void whenNothingCanAskTheReasonIsGiven() {
        assertEquals(new ReaderLauncher.Choice.None("neither pkexec (polkit) nor sudo is installed"),
                ReaderLauncher.choose(env(true, true, Set.of(JAVA), Optional.empty()), ReaderLauncher.Frontend.GUI));
        assertEquals(new ReaderLauncher.Choice.None("there is no desktop session for pkexec's dialog and no terminal for a password prompt"),
                ReaderLauncher.choose(env(false, false, BOTH, Optional.empty()), ReaderLauncher.Frontend.GUI));
        assertEquals(new ReaderLauncher.Choice.None("sudo needs a terminal for its password prompt and there is none"
                        + " (pkexec, which shows a dialog, is not installed)"),
                ReaderLauncher.choose(env(true, false, Set.of("/usr/bin/sudo"), Optional.empty()), ReaderLauncher.Frontend.GUI));
    }

    @Test
    void relativePathEntriesAreNeverSearched() {
        LaunchEnvironment e = env(true, true, Set.of("relative/bin/sudo", JAVA), Optional.empty());
        assertEquals(Optional.empty(), e.which("sudo"));
    }

    @Test
    void pkexecRunsTheReaderMainClassOnThisClassPath() {
        LaunchEnvironment e = env(true, false, BOTH, Optional.empty());
        assertEquals(List.of("/usr/bin/pkexec", JAVA, "-Xmx256m", "-XX:+UseSerialGC", "-cp", CLASS_PATH,
                        "dev.vmscope.app.reader.ReaderMain", "live"),
                ReaderLauncher.command(e, use(Elevation.PKEXEC, "/usr/bin/pkexec"), "live"));
    }

    @Test
    void sudoGetsItsOwnPromptAndTheEndOfOptions() {
        LaunchEnvironment e = env(false, true, BOTH, Optional.empty());
        assertEquals(List.of("/usr/bin/sudo", "-p", "[vmscope] password for %u to read live memory: ", "--", JAVA, "-Xmx256m",
                        "-XX:+UseSerialGC", "-cp", CLASS_PATH, "dev.vmscope.app.reader.ReaderMain", "/dev/mem"),
                ReaderLauncher.command(e, use(Elevation.SUDO, "/usr/bin/sudo"), "/dev/mem"));
    }

    @Test
    void anInstalledAppUsesTheReaderLauncherBesideItsOwn() {
        Set<String> files = Set.of("/usr/bin/pkexec", "/opt/vmscope/bin/vmscope-reader");
        LaunchEnvironment e = env(true, false, files, Optional.of(Path.of("/opt/vmscope/bin/vmscope")));
        assertEquals(List.of("/usr/bin/pkexec", "/opt/vmscope/bin/vmscope-reader", "/proc/kcore"),
                ReaderLauncher.command(e, use(Elevation.PKEXEC, "/usr/bin/pkexec"), "/proc/kcore"));
    }

    @Test
    void relativeClassPathEntriesAreMadeAbsolute() {
        String cp = ReaderLauncher.absolute("app/target/classes:/abs/x.jar");
        assertEquals(Path.of("app/target/classes").toAbsolutePath() + ":/abs/x.jar", cp);
    }

    @Test
    void onlyLiveSourceNamesReachTheReader() {
        LaunchEnvironment e = env(true, false, BOTH, Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> ReaderLauncher.command(e, use(Elevation.PKEXEC, "/usr/bin/pkexec"), "/etc/shadow"));
    }

    @Test
    void withoutAJavaRuntimeTheReaderCannotStart() {
        LaunchEnvironment e = env(true, false, Set.of("/usr/bin/pkexec"), Optional.empty());
        DumpIoException x = assertThrows(DumpIoException.class, () -> ReaderLauncher.readerCommand(e, "live"));
        assertEquals("cannot start the live memory reader (live: neither vmscope-reader beside the vmscope launcher nor "
                + JAVA + " exists)", x.getMessage());
    }
}
