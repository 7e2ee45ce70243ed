package dev.vmscope.app.gui;

import dev.vmscope.core.Session;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;

/**
 * The status bar: the source shown (or what is being opened, with progress), then its format,
 * architecture and paging mode.
 */
final class StatusView {
    private final StatusBar bar = new StatusBar();
    private final Label format = cell("status-format");
    private final Label architecture = cell("status-architecture");
    private final Label paging = cell("status-paging");

    StatusView(WindowModel model) {
        bar.getStyleClass().add("status");
        bar.getRightItems().addAll(format, new Separator(javafx.geometry.Orientation.VERTICAL), architecture,
                new Separator(javafx.geometry.Orientation.VERTICAL), paging);
        model.sessionProperty().subscribe(s -> show(model, s));
        model.openingProperty().subscribe(task -> opening(model, task));
    }

    private static Label cell(String style) {
        Label l = new Label();
        l.getStyleClass().addAll("status-cell", style);
        return l;
    }

    private void show(WindowModel model, Session s) {
        bar.getRightItems().forEach(n -> n.setVisible(s != null));
        if (s == null) {
            bar.setText("No dump open");
            bar.setTooltip(null);
            format.setText("");
            architecture.setText("");
            paging.setText("");
            return;
        }
        String name = model.sourceProperty().get() == null ? s.dump().source() : model.sourceProperty().get().name();
        bar.setText(name);
        bar.setTooltip(new Tooltip(name));
        format.setText(s.dump().format() + (s.dump().compression().equals("none") ? "" : " · " + s.dump().compression()));
        architecture.setText(s.dump().architecture().id());
        paging.setText(s.kernel().map(k -> k.mode().id()).orElse("no paging known"));
    }

    private void opening(WindowModel model, Task<Session> task) {
        bar.progressProperty().unbind();
        bar.textProperty().unbind();
        if (task == null) {
            bar.setProgress(0);
            show(model, model.sessionProperty().get());
            return;
        }
        bar.progressProperty().bind(task.progressProperty());
        bar.textProperty().bind(task.messageProperty());
    }

    StatusBar node() {
        return bar;
    }
}
