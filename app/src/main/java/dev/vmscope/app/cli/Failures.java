package dev.vmscope.app.cli;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.UnmappedAddressException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;

/**
 * Turns anything a command throws into an exit status and one line for stderr. The line is
 * complete on its own; the stack trace goes to the debug log only.
 */
final class Failures {
    private Failures() {
    }

    /** The status and line for a failure. */
    record Report(int status, String line) {
    }

    /**
     * @param source the SOURCE of the command, named in lines whose message does not name it; may be null
     */
    static Report of(Throwable t, String source) {
        return switch (t) {
            case CliFailure f -> new Report(f.status(), f.getMessage());
            case MemoryAccessException m -> new Report(CliFailure.NOT_MAPPED,
                    m.getMessage() + (source == null ? "" : " (" + source + ")"));
            case DumpException d -> new Report(CliFailure.USAGE, d.getMessage());
            case UnmappedAddressException u -> new Report(CliFailure.NOT_MAPPED, u.getMessage());
            case InvalidPathException p -> new Report(CliFailure.USAGE, "not a file name: " + p.getMessage());
            case UncheckedIOException io -> of(io.getCause(), source);
            case IOException io -> new Report(CliFailure.USAGE, "cannot write the output: " + describe(io));
            case OutOfMemoryError oom -> new Report(CliFailure.USAGE,
                    "out of memory (give the JVM more with JAVA_TOOL_OPTIONS=-Xmx…, or ask for less)");
            default -> new Report(CliFailure.USAGE, "internal error: " + describe(t)
                    + " (please report it with the command line that caused it)");
        };
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip().lines().findFirst().orElse(""));
    }
}
