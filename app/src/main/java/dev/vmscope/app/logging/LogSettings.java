package dev.vmscope.app.logging;

import elf4j.Level;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the log goes and how much of it: {@code vmscope.log} in {@code $XDG_STATE_HOME/vmscope}, or in
 * {@code ~/.local/state/vmscope} when that variable is unset or not absolute (as the XDG base directory
 * specification says); the system property {@code vmscope.log.dir} names another directory. The level is
 * INFO unless the system property {@code vmscope.log.level} or, for the packaged launcher, the environment
 * variable {@code VMSCOPE_LOG_LEVEL} names another elf4j level (the property wins).
 *
 * @param file     the log file
 * @param level    the least severe level written
 * @param problems what was wrong with the settings given, to be written into the log once it is open
 */
public record LogSettings(Path file, Level level, List<String> problems) {
    /** The name of the log file in its directory. */
    public static final String FILE_NAME = "vmscope.log";
    static final String DIR_PROPERTY = "vmscope.log.dir";
    static final String LEVEL_PROPERTY = "vmscope.log.level";
    static final String LEVEL_VARIABLE = "VMSCOPE_LOG_LEVEL";
    static final String STATE_HOME = "XDG_STATE_HOME";

    public LogSettings {
        problems = List.copyOf(problems);
    }

    /** The settings of this process: its environment and system properties. */
    public static LogSettings fromEnvironment() {
        return from(System.getenv(), System::getProperty);
    }

    /**
     * The settings for an environment and a set of system properties.
     *
     * @param environment environment variables ({@code XDG_STATE_HOME}, {@code VMSCOPE_LOG_LEVEL})
     * @param properties  system properties ({@code vmscope.log.dir}, {@code vmscope.log.level}, {@code user.home})
     */
    static LogSettings from(Map<String, String> environment, Function<String, String> properties) {
        List<String> problems = new ArrayList<>();
        Path directory = directory(environment, properties, problems);
        Level level = level(LEVEL_PROPERTY, properties.apply(LEVEL_PROPERTY), problems)
                .or(() -> level(LEVEL_VARIABLE, environment.get(LEVEL_VARIABLE), problems))
                .orElse(Level.INFO);
        return new LogSettings(directory.resolve(FILE_NAME), level, problems);
    }

    private static Optional<Level> level(String setting, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Level> level = LogLevels.parse(value);
        if (level.isEmpty()) {
            problems.add(setting + "=" + value + " is not a level (expected one of " + LogLevels.names() + ")");
        }
        return level;
    }

    private static Path directory(Map<String, String> environment, Function<String, String> properties,
                                  List<String> problems) {
        Path chosen = absolute(properties.apply(DIR_PROPERTY));
        if (chosen != null) {
            return chosen;
        }
        String stateHome = environment.get(STATE_HOME);
        Path state = absolute(stateHome);
        if (state != null) {
            return state.resolve("vmscope");
        }
        if (stateHome != null && !stateHome.isEmpty()) {
            problems.add(STATE_HOME + "=" + stateHome + " is not an absolute path; ignored, as the XDG base"
                    + " directory specification requires");
        }
        return Path.of(properties.apply("user.home"), ".local", "state", "vmscope");
    }

    private static Path absolute(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
