package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.views.fx.Columns;
import dev.vmscope.views.fx.Sizes;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;

/** The dump's ranges of an address space: start, end (exclusive), size and kind with its colour. */
final class RangeTable {
    private RangeTable() {
    }

    static TableView<MemoryRange> of(List<MemoryRange> ranges) {
        TableView<MemoryRange> t = new TableView<>();
        t.getStyleClass().add("range-table");
        TableColumn<MemoryRange, String> kind = Columns.text("Kind", r -> r.kind().id());
        kind.setCellFactory(c -> new KindCell());
        kind.setPrefWidth(220);
        t.getColumns().addAll(List.of(
                Columns.code("Start", r -> Hex.of(r.start())),
                Columns.code("End", r -> Hex.of(r.end())),
                Columns.text("Size", r -> Sizes.of(r.size())),
                kind));
        t.getColumns().get(0).setPrefWidth(170);
        t.getColumns().get(1).setPrefWidth(170);
        t.getColumns().get(2).setPrefWidth(110);
        t.getItems().setAll(ranges);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        return t;
    }

    /** The kind's id with its colour swatch and, in words, what it means. */
    private static final class KindCell extends TableCell<MemoryRange, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            MemoryRange r = empty ? null : getTableRow().getItem();
            if (r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(r.kind().id() + " — " + MapColors.words(r.kind()));
            setGraphic(Legend.swatch(MapColors.of(r.kind())));
        }
    }
}
