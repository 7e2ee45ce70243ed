package dev.vmscope.app.gui;

import javafx.application.Application;

/** Starts the GUI; the program's main calls it for anything that is not a command-line command. */
public final class GuiMain {
    private GuiMain() {
    }

    /**
     * Shows the main window and returns when it closes.
     *
     * @param args empty for the bundled teaching sample, or one path (a dump file or device) to open
     */
    public static void launch(String[] args) {
        Application.launch(VmscopeApplication.class, args);
    }
}
