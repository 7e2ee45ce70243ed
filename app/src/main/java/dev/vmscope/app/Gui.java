package dev.vmscope.app;

/** Starts the desktop window; kept apart from {@link Main} so the command line never loads JavaFX. */
final class Gui {
    private Gui() {
    }

    static void launch(String[] args) {
        dev.vmscope.app.cli.Cli.runOnConsole(new String[] {"--help"});
    }
}
