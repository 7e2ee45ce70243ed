package dev.vmscope.views.fx;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Gives a label a "Copy" context menu, so addresses and values can be pasted elsewhere. */
public final class Copyable {
    private Copyable() {
    }

    public static <T extends Labeled> T copyable(T label) {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copy(label.getText()));
        label.setContextMenu(new ContextMenu(copy));
        return label;
    }

    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
