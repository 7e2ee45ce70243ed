package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.views.fx.Chip;
import dev.vmscope.views.fx.Sizes;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every entry of one page table, virtualized: index, the virtual addresses it covers, the raw entry,
 * where it leads (machine and pseudo-physical for a Xen PV guest), what it maps and its flags as chips.
 * Entries that are not present are dimmed, the one the walk took is marked; clicking a present entry
 * (or Enter on it) descends into it.
 */
final class EntryTable extends TableView<TableEntry> {
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private static final PseudoClass HUGE = PseudoClass.getPseudoClass("huge");
    private final TableColumn<TableEntry, String> pseudo;
    private final TableColumn<TableEntry, String> target;
    private int walked = -1;
    private long levelSpan;
    private String nextLevel;

    /**
     * @param explain a flag's one-line meaning
     * @param descend called with the entry clicked
     */
    EntryTable(UnaryOperator<String> explain, Consumer<TableEntry> descend) {
        getStyleClass().add("entry-table");
        setPlaceholder(new Label("Walk an address to see the tables it passes through."));
        TableColumn<TableEntry, String> index = text("#", e -> Integer.toString(e.index()));
        index.setPrefWidth(48);
        TableColumn<TableEntry, String> va = text("virtual from", e -> Hex.of(e.virtualStart()));
        va.setPrefWidth(170);
        TableColumn<TableEntry, String> raw = text("entry", e -> Hex.of(e.raw()));
        raw.setPrefWidth(170);
        target = text("→ physical", e -> e.present() ? Hex.of(e.decoded().target()) : "");
        target.setPrefWidth(120);
        pseudo = text("→ pseudo-physical", e -> e.targetPseudoPhysical().map(Address::value).map(Hex::of).orElse(""));
        pseudo.setPrefWidth(150);
        TableColumn<TableEntry, String> maps = text("maps", this::maps);
        maps.setPrefWidth(112);
        TableColumn<TableEntry, TableEntry> flags = new TableColumn<>("flags");
        flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        flags.setCellFactory(c -> new FlagCell(explain));
        flags.setPrefWidth(460);
        flags.setSortable(false);
        getColumns().setAll(java.util.List.of(index, va, raw, target, pseudo, maps, flags));
        setRowFactory(t -> row(descend));
        setOnKeyPressed(e -> {
            TableEntry sel = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && sel != null) {
                descend.accept(sel);
            }
        });
    }

    /** Shows {@code table}, its walked entry selected and scrolled into view with its neighbours. */
    void show(LevelTable table, Space space, String next) {
        walked = table.step().index();
        levelSpan = table.pageSize();
        nextLevel = next;
        target.setText("→ " + space.word());
        pseudo.setVisible(space == Space.MACHINE && table.entries().stream().anyMatch(e -> e.targetPseudoPhysical().isPresent()));
        getItems().setAll(table.entries());
        getSelectionModel().select(walked);
        int top = Math.max(0, walked - 5);
        scrollTo(top);
        javafx.application.Platform.runLater(() -> scrollTo(top)); // again once a first layout has sized the rows
    }

    void clear() {
        walked = -1;
        getItems().clear();
    }

    private String maps(TableEntry e) {
        DecodedEntry d = e.decoded();
        if (!d.present()) {
            return d.problem().isPresent() ? "unusable" : "not present";
        }
        if (d.leaf()) {
            return Sizes.of(d.pageSize() != 0 ? d.pageSize() : levelSpan) + " page";
        }
        return (nextLevel == null ? "next" : nextLevel) + " table";
    }

    private TableRow<TableEntry> row(Consumer<TableEntry> descend) {
        TableRow<TableEntry> row = new TableRow<>() {
            @Override
            protected void updateItem(TableEntry e, boolean empty) {
                super.updateItem(e, empty);
                boolean has = !empty && e != null;
                pseudoClassStateChanged(ABSENT, has && !e.present());
                pseudoClassStateChanged(ON_PATH, has && e.index() == walked);
                pseudoClassStateChanged(HUGE, has && e.present() && e.decoded().leaf() && levelSpan > 4096 && nextLevel != null);
            }
        };
        row.setOnMouseClicked(ev -> {
            if (ev.getButton() == MouseButton.PRIMARY && !row.isEmpty() && row.getItem().present()) {
                descend.accept(row.getItem());
            }
        });
        return row;
    }

    private static TableColumn<TableEntry, String> text(String title, Function<TableEntry, String> value) {
        TableColumn<TableEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        c.getStyleClass().add("code-column");
        c.setSortable(false);
        return c;
    }

    /** The entry's flags as chips with their meaning as tooltips. */
    private static final class FlagCell extends TableCell<TableEntry, TableEntry> {
        private final UnaryOperator<String> explain;

        FlagCell(UnaryOperator<String> explain) {
            this.explain = explain;
        }

        @Override
        protected void updateItem(TableEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null || e.decoded().flags().isEmpty()) {
                setGraphic(null);
                return;
            }
            HBox chips = new HBox();
            chips.getStyleClass().add("flag-chips");
            for (String f : e.decoded().flags()) {
                chips.getChildren().add(new Chip(f, "flag-" + (f.contains("=") ? f.substring(0, f.indexOf('=')) : f), explain.apply(f)));
            }
            setGraphic(chips);
        }
    }
}
