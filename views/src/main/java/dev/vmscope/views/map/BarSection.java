package dev.vmscope.views.map;

import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * A titled bar with its legend and zoom controls over a table of the same values. Choosing a row
 * selects and reveals its segment in the bar; clicking a segment selects its row. Double-click or
 * Enter on a row opens it.
 *
 * @param <T> the values the rows and segments stand for
 */
final class BarSection<T> extends VBox {
    private final AddressBar bar;
    private final TableView<T> table;
    private boolean syncing;

    BarSection(String title, String subtitle, AddressBar bar, Legend legend, TableView<T> table, Consumer<T> open) {
        this.bar = bar;
        this.table = table;
        getStyleClass().add("bar-section");
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("section-subtitle");
        HBox header = new HBox(t, s);
        header.getStyleClass().add("section-header");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox tools = new HBox(legend, gap, new ZoomControls(bar));
        tools.getStyleClass().add("bar-tools");
        HBox.setHgrow(legend, Priority.SOMETIMES);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, bar, tools, table);
        wireSelection();
        wireOpen(open);
    }

    private void wireSelection() {
        table.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (syncing || item == null) {
                return;
            }
            syncing = true;
            bar.segments().stream().filter(seg -> seg.source() == item).findFirst().ifPresent(seg -> {
                bar.selectedProperty().set(seg);
                bar.reveal(seg);
            });
            syncing = false;
        });
        bar.selectedProperty().subscribe(seg -> {
            if (syncing || seg == null) {
                return;
            }
            syncing = true;
            @SuppressWarnings("unchecked")
            T item = (T) seg.source();
            table.getSelectionModel().select(item);
            table.scrollTo(item);
            syncing = false;
        });
    }

    private void wireOpen(Consumer<T> open) {
        table.setRowFactory(tv -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                open.accept(item);
                e.consume();
            }
        });
    }

    AddressBar bar() {
        return bar;
    }

    TableView<T> table() {
        return table;
    }
}
