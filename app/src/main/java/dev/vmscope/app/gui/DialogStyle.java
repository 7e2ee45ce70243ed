package dev.vmscope.app.gui;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Dialogs wear the window's theme: its stylesheets (the dark one too) and the theme's style class. */
final class DialogStyle {
    private DialogStyle() {
    }

    static void follow(Dialog<?> dialog, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        dialog.getDialogPane().getStylesheets().addAll(0, owner.getScene().getStylesheets());
        owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-"))
                .forEach(dialog.getDialogPane().getStyleClass()::add);
    }
}
