package dev.vmscope.app.cli;

/**
 * A command ends without doing what was asked: the exit status and the one line that says why
 * (without the {@code vmscope: } prefix, which the top level adds).
 */
final class CliFailure extends RuntimeException {
    /** An address asked for is not mapped or not present in the dump. */
    static final int NOT_MAPPED = 1;
    /** Bad usage, or a source that cannot be read or is corrupt. */
    static final int USAGE = 2;

    private final int status;

    CliFailure(int status, String line) {
        super(line, null, false, false);
        this.status = status;
    }

    static CliFailure usage(String line) {
        return new CliFailure(USAGE, line);
    }

    static CliFailure notMapped(String line) {
        return new CliFailure(NOT_MAPPED, line);
    }

    int status() {
        return status;
    }
}
