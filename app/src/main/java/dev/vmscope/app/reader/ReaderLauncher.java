package dev.vmscope.app.reader;

import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.format.live.LiveSourceKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts the privileged reader: picks pkexec (a desktop's password dialog) or sudo (a terminal's
 * prompt) and builds its command line, so that vmscope itself never runs as root. The reader is
 * {@link ReaderMain} on this program's own class path, or the {@code vmscope-reader} launcher beside
 * a jpackage launcher.
 */
public final class ReaderLauncher {
    /** The jpackage launcher of {@link ReaderMain}, beside the {@code vmscope} launcher. */
    public static final String READER_LAUNCHER = "vmscope-reader";
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    static final String SUDO_PROMPT = "[vmscope] password for %u to read live memory: ";

    /** Who asks: the GUI prefers a dialog, the command line a terminal prompt. */
    public enum Frontend {
        GUI,
        CLI
    }

    /** An elevation program to use, or why there is none. */
    sealed interface Choice {
        record Use(Elevation elevation, Path program) implements Choice {
        }

        record None(String why) implements Choice {
        }
    }

    private ReaderLauncher() {
    }

    static Choice choose(LaunchEnvironment env, Frontend frontend) {
        List<Elevation> order = frontend == Frontend.GUI ? List.of(Elevation.PKEXEC, Elevation.SUDO) : List.of(Elevation.SUDO, Elevation.PKEXEC);
        for (Elevation e : order) {
            Optional<Path> program = env.which(e.program());
            boolean prompt = e == Elevation.PKEXEC ? env.desktop() || env.terminal() : env.terminal();
            if (program.isPresent() && prompt) {
                return new Choice.Use(e, program.get());
            }
        }
        boolean pkexec = env.which(Elevation.PKEXEC.program()).isPresent();
        boolean sudo = env.which(Elevation.SUDO.program()).isPresent();
        if (!pkexec && !sudo) {
            return new Choice.None("neither pkexec (polkit) nor sudo is installed");
        }
        if (!pkexec) {
            return new Choice.None("sudo needs a terminal for its password prompt and there is none (pkexec, which shows a dialog, is not installed)");
        }
        return new Choice.None("there is no desktop session for pkexec's dialog and no terminal for a password prompt");
    }

    /**
     * The reader's own command line, before elevation.
     *
     * @throws DumpIoException when there is neither a reader launcher nor a Java runtime to start it with
     */
    static List<String> readerCommand(LaunchEnvironment env, String source) {
        if (!LiveSourceKind.isLiveName(source)) {
            throw new IllegalArgumentException("not a live source: " + source);
        }
        Optional<Path> launcher = env.appLauncher().map(p -> p.toAbsolutePath().resolveSibling(READER_LAUNCHER)).filter(env.executable());
        if (launcher.isPresent()) {
            return List.of(launcher.get().toString(), source);
        }
        Path java = env.javaHome().toAbsolutePath().resolve("bin").resolve("java");
        if (!env.executable().test(java)) {
            throw new DumpIoException(source, "cannot start the live memory reader",
                    new IOException("neither " + READER_LAUNCHER + " beside the vmscope launcher nor " + java + " exists"));
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(absolute(env.classPath()));
        command.add(ReaderMain.class.getName());
        command.add(source);
        return command;
    }

    /** The class path with every entry absolute: an elevated process may start elsewhere. */
    static String absolute(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString()).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** The full command: elevation program, its options, and the reader's command line. */
    static List<String> command(LaunchEnvironment env, Choice.Use use, String source) {
        List<String> command = new ArrayList<>();
        command.add(use.program().toString());
        if (use.elevation() == Elevation.SUDO) {
            command.addAll(List.of("-p", SUDO_PROMPT, "--"));
        }
        command.addAll(readerCommand(env, source));
        return command;
    }

    /**
     * Starts a reader for a live source with this process's environment.
     *
     * @throws DumpIoException when no way to elevate exists or the process cannot be started, saying why
     */
    public static ReaderConnection start(String source, Frontend frontend) {
        LaunchEnvironment env = LaunchEnvironment.current();
        return switch (choose(env, frontend)) {
            case Choice.None none -> throw new DumpIoException(source, "reading live memory needs root",
                    new IOException(none.why() + "; run vmscope as root instead"));
            case Choice.Use use -> {
                try {
                    yield ProcessConnection.start(command(env, use, source), use.elevation().program());
                } catch (IOException e) {
                    throw new DumpIoException(source, "cannot start the live memory reader with " + use.program(), e);
                }
            }
        };
    }
}
