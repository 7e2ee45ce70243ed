package dev.vmscope.views.map;

import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A titled bar with its legend and zoom controls over a table of the same values. Choosing a row
 * selects and reveals its segment in the bar; clicking a segment selects its row. Double-click or
 * Enter on a row opens it.
 *
 * @param <T> the values the rows and segments stand for
 */
final class BarSection<T> extends VBox {
    private static final long PAGE = 4096;
    private final AddressBar bar;
    private final TableView<T> table;
    private boolean syncing;

    /**
     * @param open   opens a row's value (Enter or a double click on the row)
     * @param openAt opens an address of the bar (a double click on it, or Enter while it has the keyboard)
     */
    BarSection(String title, String subtitle, AddressBar bar, Legend legend, TableView<T> table, Consumer<T> open,
               LongConsumer openAt) {
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
        getChildren().addAll(header, new MiniMap(bar, bar.domainStart()), bar, tools, table);
        wireSelection();
        wireOpen(open);
        wireBarOpen(bar, openAt);
    }

    /** Puts {@code nodes} right under the bar (another bar over the same addresses, its legend). */
    void addUnderBar(Node... nodes) {
        getChildren().addAll(getChildren().indexOf(bar) + 1, List.of(nodes));
    }

    /** A double click on a bar opens the page under the pointer; Enter opens the selected segment's start. */
    static void wireBarOpen(AddressBar bar, LongConsumer openAt) {
        bar.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openAt.accept(bar.addressAt(e.getX()) & -PAGE);
            }
        });
        bar.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && bar.selectedProperty().get() != null) {
                openAt.accept(bar.selectedProperty().get().start());
                e.consume();
            }
        });
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
