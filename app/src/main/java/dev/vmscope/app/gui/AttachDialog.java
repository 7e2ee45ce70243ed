package dev.vmscope.app.gui;

import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** File → Attach to this machine…: which live source to read. */
final class AttachDialog {
    /** The live sources, best first; {@code live} tries the others in this order. */
    static final List<String> SOURCES = List.of("live", "/proc/kcore", "/dev/mem", "/dev/crash");

    private AttachDialog() {
    }

    static Optional<String> ask(Window owner) {
        ChoiceDialog<String> d = new ChoiceDialog<>(SOURCES.getFirst(), SOURCES);
        d.initOwner(owner);
        DialogStyle.follow(d, owner);
        d.setTitle("Attach to this machine");
        d.setHeaderText("Read this machine's memory while it runs");
        d.setContentText("Source (live picks the best one this machine allows):");
        d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).setAccessibleText("Attach");
        return d.showAndWait();
    }
}
