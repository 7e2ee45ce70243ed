package dev.vmscope.app.gui;

import dev.vmscope.core.Session;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;

/**
 * The status bar of the selected tab: its source (or what is being opened, with progress and a
 * Cancel button), a LIVE badge for a running machine, then its format, architecture and paging mode.
 */
final class StatusView {
    private final StatusBar bar = new StatusBar();
    private final Label live = new Label("LIVE");
    private final Label format = cell("status-format");
    private final Label architecture = cell("status-architecture");
    private final Label paging = cell("status-paging");
    private final Button cancel = new Button("Cancel");

    StatusView(WindowModel model) {
        bar.getStyleClass().add("status");
        bar.setAccessibleText("Status");
        live.getStyleClass().addAll("live-badge", "status-live");
        live.setAccessibleText("live source: the bytes can change between reads");
        live.setTooltip(new Tooltip("A running machine: its memory changes between reads; View → Refresh reads it again"));
        cancel.getStyleClass().add("status-cancel");
        cancel.setAccessibleText("Cancel the opening");
        cancel.setOnAction(e -> model.cancelOpening());
        cancel.setVisible(false);
        cancel.managedProperty().bind(cancel.visibleProperty());
        bar.getLeftItems().add(cancel);
        bar.getRightItems().addAll(live, format, new Separator(Orientation.VERTICAL), architecture,
                new Separator(Orientation.VERTICAL), paging);
        model.selectedProperty().subscribe(this::show);
        model.openingProperty().subscribe(task -> opening(model, task));
    }

    private static Label cell(String style) {
        Label l = new Label();
        l.getStyleClass().addAll("status-cell", style);
        return l;
    }

    private void show(Document d) {
        bar.getRightItems().forEach(n -> n.setVisible(d != null));
        live.setVisible(d != null && d.live());
        live.setManaged(live.isVisible());
        if (d == null) {
            bar.setText("No dump open");
            bar.setTooltip(null);
            format.setText("");
            architecture.setText("");
            paging.setText("");
            return;
        }
        Session s = d.session();
        bar.setText(d.source().name());
        bar.setTooltip(new Tooltip(d.source().name()));
        format.setText(s.dump().format() + (s.dump().compression().equals("none") ? "" : " · " + s.dump().compression()));
        architecture.setText(s.dump().architecture().id());
        paging.setText(s.kernel().map(k -> k.mode().id()).orElse("no paging known"));
    }

    private void opening(WindowModel model, Task<Session> task) {
        bar.progressProperty().unbind();
        bar.textProperty().unbind();
        cancel.setVisible(task != null);
        if (task == null) {
            bar.setProgress(0);
            show(model.selectedProperty().get());
            return;
        }
        bar.progressProperty().bind(task.progressProperty());
        bar.textProperty().bind(task.messageProperty());
    }

    StatusBar node() {
        return bar;
    }
}
