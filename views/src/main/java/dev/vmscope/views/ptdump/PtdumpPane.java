package dev.vmscope.views.ptdump;

import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.symbols.AddressField;
import dev.vmscope.views.walk.WalkRoot;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.OptionalLong;

/**
 * Every mapping of a page table, like the kernel's ptdump: choose the root, filter (W+X, user, huge
 * pages, an address range) and search (an address inside a range, or flag words); double-click a range
 * to walk its start. All bindings are made in {@link #wire()}.
 */
public final class PtdumpPane extends BorderPane {
    private final PtdumpModel model;
    private final Navigation nav;
    private final ComboBox<WalkRoot> root = new ComboBox<>();
    private final CheckBox wx = new CheckBox("W+X");
    private final CheckBox user = new CheckBox("user");
    private final CheckBox huge = new CheckBox("huge pages only");
    private final AddressField from;
    private final AddressField to;
    private final TextField search = new TextField();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Button refresh = new Button("Read again");
    private final Label status = new Label();
    private final PtdumpTree tree;

    public PtdumpPane(PtdumpModel model, Navigation nav) {
        this.model = model;
        this.nav = nav;
        this.from = new AddressField(model.symbols().tableProperty());
        this.to = new AddressField(model.symbols().tableProperty());
        this.tree = new PtdumpTree(this::open);
        getStyleClass().add("ptdump-pane");
        Stylesheets.apply(this, PtdumpPane.class, "ptdump.css");
        setTop(header());
        if (!model.available()) {
            Label why = new Label("Page-table dumps are not available for this dump: " + model.unavailableReason());
            why.getStyleClass().add("placeholder-text");
            why.setWrapText(true);
            setCenter(why);
            return;
        }
        setCenter(tree);
        wire();
    }

    private VBox header() {
        root.getStyleClass().add("root-choice");
        wx.getStyleClass().add("filter-wx");
        wx.setTooltip(new Tooltip("Only ranges both writable and executable: what the kernel's W+X check reports"));
        user.getStyleClass().add("filter-user");
        huge.getStyleClass().add("filter-huge");
        from.getStyleClass().add("filter-from");
        to.getStyleClass().add("filter-to");
        from.setPromptText("from");
        to.setPromptText("to");
        from.setPrefColumnCount(14);
        to.setPrefColumnCount(14);
        search.getStyleClass().addAll("code", "ptdump-search");
        search.setPromptText("address inside a range, or flags (e.g. global nx)");
        search.setPrefColumnCount(26);
        progress.getStyleClass().add("ptdump-progress");
        status.getStyleClass().add("ptdump-status");
        HBox top = new HBox(new Label("Root"), root, refresh, progress, cancel, status);
        top.getStyleClass().add("pane-header");
        HBox filters = new HBox(wx, user, huge, new Label("range"), from, new Label("–"), to, new Label("search"), search);
        filters.getStyleClass().add("ptdump-filters");
        return new VBox(top, filters);
    }

    private void wire() {
        root.setItems(model.roots());
        root.valueProperty().bindBidirectional(model.rootProperty());
        refresh.setOnAction(e -> model.compute());
        cancel.setOnAction(e -> model.cancel());
        progress.visibleProperty().bind(model.runningProperty().isNotNull());
        cancel.visibleProperty().bind(progress.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(progress.visibleProperty());
        model.runningProperty().subscribe(t -> {
            progress.progressProperty().unbind();
            if (t != null) {
                progress.progressProperty().bind(t.progressProperty());
                status.textProperty().bind(t.messageProperty());
            } else {
                status.textProperty().bind(model.statusProperty());
            }
        });
        for (CheckBox c : new CheckBox[] {wx, user, huge}) {
            c.selectedProperty().subscribe(v -> applyFilter());
        }
        search.textProperty().subscribe(t -> applyFilter());
        from.setOnAction(e -> applyFilter());
        to.setOnAction(e -> applyFilter());
        model.groupsProperty().subscribe(tree::show);
    }

    private void applyFilter() {
        model.filterProperty().set(new MappingFilter(wx.isSelected(), user.isSelected(), huge.isSelected(),
                bound(from), bound(to), search.getText()));
    }

    private static OptionalLong bound(AddressField f) {
        if (f.getText().isBlank()) {
            f.markInvalid(false);
            return OptionalLong.empty();
        }
        try {
            long v = f.address();
            f.markInvalid(false);
            return OptionalLong.of(v);
        } catch (IllegalArgumentException e) {
            f.markInvalid(true);
            return OptionalLong.empty();
        }
    }

    /** Walks a range's start, with the root the ranges were read from. */
    private void open(MappingRange r) {
        WalkRoot from = model.rootProperty().get();
        if (from != null) {
            from.cpu().ifPresent(nav::useCpuRoot);
        }
        nav.walk(r.start());
    }
}
