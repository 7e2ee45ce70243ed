package dev.vmscope.app.gui;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Opens a dump file dropped anywhere on the window. */
final class DropSupport {
    private DropSupport() {
    }

    static void install(Node target, Consumer<Path> open) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && e.getGestureSource() == null) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) {
                open.accept(files.getFirst().toPath());
            }
        });
    }
}
