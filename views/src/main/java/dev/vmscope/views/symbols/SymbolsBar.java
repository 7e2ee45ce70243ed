package dev.vmscope.views.symbols;

import dev.vmscope.views.fx.Stylesheets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * One line that says which symbol table is loaded, offers to load one (System.map, a saved
 * {@code /proc/kallsyms}, a vmlinux), and shows the load's progress with a cancel button.
 */
public final class SymbolsBar extends HBox {

    public SymbolsBar(SymbolsModel model) {
        getStyleClass().add("symbols-bar");
        Stylesheets.apply(this, SymbolsBar.class, "symbols.css");
        Label status = new Label();
        status.getStyleClass().add("symbols-status");
        status.textProperty().bind(model.statusProperty());
        status.tooltipProperty().bind(model.statusProperty().map(Tooltip::new));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button load = new Button("Load symbols…");
        load.getStyleClass().add("load-symbols");
        load.setTooltip(new Tooltip("A System.map or vmlinux (link-time addresses, moved by the KASLR offset) "
                + "or a saved /proc/kallsyms (runtime addresses)"));
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Kernel symbols: System.map, kallsyms or vmlinux");
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                model.load(f.toPath());
            }
        });
        ProgressBar progress = new ProgressBar();
        progress.getStyleClass().add("symbols-progress");
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("cancel-symbols");
        cancel.setOnAction(e -> model.cancel());
        progress.visibleProperty().bind(model.loadingProperty().isNotNull());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.visibleProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(progress.visibleProperty());
        model.loadingProperty().subscribe(t -> {
            progress.progressProperty().unbind();
            if (t != null) {
                progress.progressProperty().bind(t.progressProperty());
            }
        });
        getChildren().addAll(status, progress, cancel, load);
    }
}
