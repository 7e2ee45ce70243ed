package dev.vmscope.views.ptdump;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.views.fx.Chip;
import dev.vmscope.views.fx.Sizes;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The mappings as a tree: one branch per top-level entry, one leaf per range, with start, end (exclusive),
 * size, physical start, page size and flags. Double-clicking a range calls back with it.
 */
final class PtdumpTree extends TreeTableView<PtdumpRow> {

    PtdumpTree(Consumer<MappingRange> open) {
        getStyleClass().add("ptdump-tree");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setPlaceholder(new Label("No mappings to show."));
        TreeTableColumn<PtdumpRow, String> label = text("entry", PtdumpRow::label);
        label.getStyleClass().remove("code-column");
        label.setPrefWidth(250);
        TreeTableColumn<PtdumpRow, String> start = text("start", r -> Hex.of(r.start()));
        TreeTableColumn<PtdumpRow, String> end = text("end", r -> Hex.of(r.end()));
        start.setPrefWidth(160);
        end.setPrefWidth(160);
        TreeTableColumn<PtdumpRow, String> size = text("size", r -> Sizes.of(r.size()));
        TreeTableColumn<PtdumpRow, String> physical = text("physical", r -> r.range().map(m -> Hex.of(m.physical())).orElse(""));
        physical.setPrefWidth(120);
        TreeTableColumn<PtdumpRow, String> page = text("page size", r -> r.range().map(m -> Sizes.of(m.pageSize())).orElse(""));
        TreeTableColumn<PtdumpRow, PtdumpRow> flags = new TreeTableColumn<>("flags");
        flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        flags.setCellFactory(c -> new FlagCell());
        flags.setPrefWidth(300);
        flags.setSortable(false);
        getColumns().setAll(List.of(label, start, end, size, physical, page, flags));
        setRowFactory(t -> {
            TreeTableRow<PtdumpRow> row = new TreeTableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    row.getItem().range().ifPresent(open);
                }
            });
            return row;
        });
    }

    /** Shows the groups; groups are expanded when there are few of them or few ranges in all. */
    void show(List<MappingGroup> groups) {
        TreeItem<PtdumpRow> root = new TreeItem<>();
        int ranges = groups.stream().mapToInt(g -> g.ranges().size()).sum();
        for (MappingGroup g : groups) {
            TreeItem<PtdumpRow> branch = new TreeItem<>(PtdumpRow.of(g));
            for (MappingRange r : g.ranges()) {
                branch.getChildren().add(new TreeItem<>(PtdumpRow.of(r)));
            }
            branch.setExpanded(groups.size() <= 4 || ranges <= 200);
            root.getChildren().add(branch);
        }
        setRoot(root);
    }

    private static TreeTableColumn<PtdumpRow, String> text(String title, Function<PtdumpRow, String> value) {
        TreeTableColumn<PtdumpRow, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().getValue() == null ? "" : value.apply(x.getValue().getValue())));
        c.getStyleClass().add("code-column");
        c.setSortable(false);
        return c;
    }

    private static final class FlagCell extends TreeTableCell<PtdumpRow, PtdumpRow> {
        @Override
        protected void updateItem(PtdumpRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null || r.range().isEmpty()) {
                setGraphic(null);
                return;
            }
            HBox chips = new HBox();
            chips.getStyleClass().add("flag-chips");
            for (String f : r.range().get().flags()) {
                chips.getChildren().add(new Chip(f, "flag-" + f, null));
            }
            setGraphic(chips);
        }
    }
}
