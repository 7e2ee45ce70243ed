package dev.vmscope.app;

import dev.vmscope.app.cli.Cli;
import dev.vmscope.app.logging.LogSetup;

/**
 * vmscope's entry point: the command line when the first argument is a command (or when the
 * {@code vmscope-cli} launcher forces it), the GUI otherwise. The CLI path never touches JavaFX.
 */
public final class Main {
    /** Set by the console launcher: every invocation is a command line. */
    static final String MODE_PROPERTY = "vmscope.mode";

    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.ensureInstalled();
        boolean cli = "cli".equals(System.getProperty(MODE_PROPERTY)) || (args.length > 0 && Cli.handles(args[0]));
        if (cli) {
            System.exit(Cli.runOnConsole(args));
        }
        Gui.launch(args);
    }
}
