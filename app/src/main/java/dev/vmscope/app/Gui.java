package dev.vmscope.app;

import dev.vmscope.app.gui.GuiMain;

/** Starts the desktop window; kept apart from {@link Main} so the command line never loads JavaFX. */
final class Gui {
    private Gui() {
    }

    static void launch(String[] args) {
        GuiMain.launch(args);
    }
}
