package dev.vmscope.app.reader;

/** How the reader gets the rights vmscope itself does not have. */
public enum Elevation {
    /** polkit's pkexec: a desktop password dialog (or its own prompt on a terminal). */
    PKEXEC("pkexec"),
    /** sudo: a password prompt on the terminal. */
    SUDO("sudo");

    private final String program;

    Elevation(String program) {
        this.program = program;
    }

    /** The program's name, looked up on PATH. */
    public String program() {
        return program;
    }
}
