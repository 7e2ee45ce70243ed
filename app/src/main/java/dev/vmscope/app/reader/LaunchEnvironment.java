package dev.vmscope.app.reader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What starting the reader depends on: the environment (PATH, a desktop session), whether a terminal
 * is at hand for a password prompt, and how this program runs (its Java runtime and class path, or
 * the jpackage launcher it was started from).
 *
 * @param appLauncher the jpackage launcher this program was started from ({@code jpackage.app-path})
 * @param executable  whether a path is an executable file
 */
public record LaunchEnvironment(Map<String, String> env, boolean terminal, Path javaHome, String classPath,
                                Optional<Path> appLauncher, Predicate<Path> executable) {
    public LaunchEnvironment {
        env = Map.copyOf(env);
    }

    /** This process's. */
    public static LaunchEnvironment current() {
        return new LaunchEnvironment(System.getenv(), System.console() != null, Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path", ""),
                Optional.ofNullable(System.getProperty("jpackage.app-path")).map(Path::of),
                p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    /** Whether a graphical session is there to show pkexec's dialog. */
    public boolean desktop() {
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private boolean isSet(String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    /** The first executable named {@code program} on PATH. */
    public Optional<Path> which(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Path.of(dir).isAbsolute()) {
                Path candidate = Path.of(dir, program);
                if (executable.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
