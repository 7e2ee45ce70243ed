package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.views.fx.Columns;
import dev.vmscope.views.fx.Sizes;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;

/** The kernel's named virtual regions: start, end (exclusive), size, name with its colour, and how it is known. */
final class RegionTable {
    private RegionTable() {
    }

    static TableView<VirtualRegion> of(List<VirtualRegion> regions) {
        TableView<VirtualRegion> t = new TableView<>();
        t.getStyleClass().add("region-table");
        TableColumn<VirtualRegion, String> name = Columns.text("Region", VirtualRegion::name);
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(150);
        TableColumn<VirtualRegion, String> start = Columns.code("Start", r -> Hex.of(r.start()));
        start.setPrefWidth(170);
        TableColumn<VirtualRegion, String> end = Columns.code("End", r -> Hex.of(r.end()));
        end.setPrefWidth(170);
        TableColumn<VirtualRegion, String> size = Columns.text("Size", r -> Sizes.of(Sizes.span(r.start(), r.end())));
        size.setPrefWidth(90);
        TableColumn<VirtualRegion, String> origin = Columns.text("Known from", VirtualRegion::origin);
        origin.setPrefWidth(360);
        t.getColumns().addAll(List.of(name, start, end, size, origin));
        t.getItems().setAll(regions);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        return t;
    }

    private static final class NameCell extends TableCell<VirtualRegion, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setGraphic(empty || item == null ? null : Legend.swatch(MapColors.region(item)));
        }
    }
}
