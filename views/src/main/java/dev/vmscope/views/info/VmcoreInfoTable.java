package dev.vmscope.views.info;

import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.views.fx.Columns;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The VMCOREINFO lines as a two-column table, filtered as one types (by key or value). */
final class VmcoreInfoTable extends VBox {

    VmcoreInfoTable(VmcoreInfo info) {
        getStyleClass().addAll("card", "vmcoreinfo");
        Label title = new Label("VMCOREINFO");
        title.getStyleClass().add("card-title");
        Label origin = new Label(info.entries().size() + " lines · " + info.origin());
        origin.getStyleClass().add("hint");
        TextField filter = new TextField();
        filter.setPromptText("Filter, e.g. SYMBOL or pgtable");
        filter.getStyleClass().add("vmcoreinfo-filter");
        FilteredList<Map.Entry<String, String>> rows = new FilteredList<>(
                FXCollections.observableArrayList(List.copyOf(info.entries().entrySet())));
        filter.textProperty().subscribe(text -> {
            String t = text.toLowerCase(Locale.ROOT).strip();
            rows.setPredicate(e -> t.isEmpty() || e.getKey().toLowerCase(Locale.ROOT).contains(t)
                    || e.getValue().toLowerCase(Locale.ROOT).contains(t));
        });
        TableView<Map.Entry<String, String>> table = new TableView<>(rows);
        table.getStyleClass().add("vmcoreinfo-table");
        TableColumn<Map.Entry<String, String>, String> key = Columns.text("Key", Map.Entry::getKey);
        key.getStyleClass().add("code-left");
        key.setPrefWidth(280);
        TableColumn<Map.Entry<String, String>, String> value = Columns.text("Value", Map.Entry::getValue);
        value.getStyleClass().add("code-left");
        value.setPrefWidth(220);
        table.getColumns().addAll(List.of(key, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, origin, filter, table);
    }
}
