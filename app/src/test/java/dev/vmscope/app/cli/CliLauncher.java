package dev.vmscope.app.cli;

/** A main for running the command line in a JVM of its own, as the launcher will. */
public final class CliLauncher {
    private CliLauncher() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}
