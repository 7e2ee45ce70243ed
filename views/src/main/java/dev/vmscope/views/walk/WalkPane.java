package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.symbols.SymbolOffset;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Copyable;
import dev.vmscope.views.fx.Sizes;
import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.symbols.AddressField;
import dev.vmscope.views.symbols.SymbolsBar;
import dev.vmscope.views.teach.TeachWindow;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Optional;

/**
 * The page-table walk: type a virtual address (hex, or a symbol with an offset once symbols are
 * loaded) and press Enter, choose the root (the kernel's or a CPU's), and see the address as bits
 * coloured by level, the levels as a bread-crumb path, the whole table of the level shown with the
 * walked entry selected, that entry's details and the outcome. Clicking a present entry walks through
 * it; Alt+Left/Right go back and forward. All bindings are made in {@link #wire()}.
 */
public final class WalkPane extends BorderPane {
    private final WalkModel model;
    private final Navigation nav;
    private final AddressField address;
    private final ComboBox<WalkRoot> root = new ComboBox<>();
    private final Button walk = new Button("Walk");
    private final Button back = new Button("◀");
    private final Button forward = new Button("▶");
    private final MenuButton copy = new MenuButton("Copy");
    private final Button teach = new Button("Teach this walk");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label problem = new Label();
    private final AddressBitsView bits = new AddressBitsView();
    private final LevelCrumbs crumbs;
    private final EntryTable entries;
    private final HBox detail = new HBox();
    private final BorderPane body = new BorderPane();

    public WalkPane(WalkModel model, Navigation nav) {
        this.model = model;
        this.nav = nav;
        this.address = new AddressField(model.symbols().tableProperty());
        this.crumbs = new LevelCrumbs(model::selectLevel);
        this.entries = new EntryTable(model::explain, model::descend);
        getStyleClass().add("walk-pane");
        Stylesheets.apply(this, WalkPane.class, "walk.css");
        setTop(new VBox(header(), new SymbolsBar(model.symbols())));
        if (!model.available()) {
            Label why = new Label("Page-table walks are not available for this dump: " + model.unavailableReason());
            why.getStyleClass().add("placeholder-text");
            why.setWrapText(true);
            setCenter(why);
            for (var n : new javafx.scene.Node[] {address, root, walk, back, forward, copy, teach}) {
                n.setDisable(true);
            }
            return;
        }
        body.getStyleClass().add("walk-body");
        body.setCenter(intro());
        setCenter(body);
        wire();
    }

    private HBox header() {
        Label label = new Label("_Virtual address");
        label.setMnemonicParsing(true);
        label.setLabelFor(address);
        address.setPrefColumnCount(22);
        Label rootLabel = new Label("_Root");
        rootLabel.setMnemonicParsing(true);
        rootLabel.setLabelFor(root);
        root.getStyleClass().add("root-choice");
        walk.setDefaultButton(false);
        back.getStyleClass().add("walk-back");
        back.setTooltip(new Tooltip("Back to the previous walk (Alt+Left)"));
        forward.getStyleClass().add("walk-forward");
        forward.setTooltip(new Tooltip("Forward (Alt+Right)"));
        copy.getStyleClass().add("walk-copy");
        busy.getStyleClass().add("busy");
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        problem.getStyleClass().addAll("error-text", "walk-problem");
        teach.getStyleClass().add("teach-this-walk");
        HBox h = new HBox(back, forward, label, address, rootLabel, root, walk, copy, teach, busy, problem);
        h.getStyleClass().add("pane-header");
        return h;
    }

    private void wire() {
        root.setItems(model.roots());
        root.valueProperty().bindBidirectional(model.rootProperty());
        root.valueProperty().subscribe(r -> root.setTooltip(r == null ? null : new Tooltip(r.origin())));
        address.setOnAction(e -> model.walk(address.getText()));
        walk.setOnAction(e -> model.walk(address.getText()));
        back.setOnAction(e -> model.back());
        forward.setOnAction(e -> model.forward());
        back.disableProperty().bind(model.canGoBackProperty().not());
        forward.disableProperty().bind(model.canGoForwardProperty().not());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
                if (e.getCode() == KeyCode.LEFT) {
                    model.back();
                } else {
                    model.forward();
                }
                e.consume();
            }
        });
        MenuItem text = new MenuItem("Walk as text (like crash vtop)");
        text.setOnAction(e -> copied(t -> WalkText.of(t, model.tableSpace(), symbolOf(t))));
        MenuItem json = new MenuItem("Walk as JSON (vtop --json)");
        json.setOnAction(e -> copied(t -> WalkJson.of(t, model.tableSpace(), symbolOf(t))));
        copy.getItems().setAll(text, json);
        copy.disableProperty().bind(model.translationProperty().isNull());
        busy.visibleProperty().bind(model.busyProperty());
        problem.textProperty().bind(model.problemProperty());
        model.problemProperty().subscribe(p -> address.markInvalid(!p.isEmpty()));
        model.translationProperty().subscribe(this::show);
        model.symbols().tableProperty().subscribe(t -> show(model.translationProperty().get()));
        model.levelProperty().subscribe(l -> showLevel(model.translationProperty().get(), l.intValue()));
        model.tableProperty().subscribe(this::showTable);
        teach.disableProperty().bind(model.translationProperty().isNull());
        teach.setOnAction(e -> TeachWindow.show(model.translationProperty().get()));
    }

    /** Walks {@code va} as if typed. */
    public void walk(long va) {
        address.setText(Hex.of(va));
        model.walk(va);
    }

    /** Puts the keyboard in the address field, its text selected. */
    public void focusAddress() {
        address.requestFocus();
        address.selectAll();
    }

    private void copied(java.util.function.Function<Translation, String> format) {
        Translation t = model.translationProperty().get();
        if (t != null) {
            Copyable.copy(format.apply(t));
        }
    }

    /** Whether the field already says {@code va}, as typed ({@code linux_banner+0x10} stays). */
    private boolean typedIs(long va) {
        try {
            return address.address() == va;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<String> symbolOf(Translation t) {
        return model.symbols().describe(t.virtualAddress()).map(SymbolOffset::toString);
    }

    private VBox intro() {
        Label hint = new Label("Type a virtual address (or, with symbols loaded, a symbol such as linux_banner+0x10) "
                + "and press Enter. The walk reads one entry per level of the page tables, from the root you choose; "
                + "each level's whole table is listed, and clicking an entry walks through it.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        FlowPane tries = new FlowPane();
        tries.getStyleClass().add("examples");
        tries.getChildren().add(new Label("Try:"));
        for (WalkExample ex : model.examples()) {
            Hyperlink link = new Hyperlink(ex.label() + " " + Hex.of(ex.address()));
            link.setOnAction(e -> {
                address.setText(Hex.of(ex.address()));
                model.walk(ex);
            });
            tries.getChildren().add(link);
        }
        Label how = new Label(FormExplainer.explain(model.mode().form()));
        how.getStyleClass().add("form-explained");
        how.setWrapText(true);
        VBox box = new VBox(hint, how, tries);
        box.getStyleClass().addAll("card", "walk-intro");
        return box;
    }

    private void show(Translation t) {
        if (t == null) {
            return;
        }
        if (!typedIs(t.virtualAddress())) {
            address.setText(Hex.of(t.virtualAddress()));
        }
        PagingForm form = t.mode().form();
        int leaf = t.result() instanceof WalkResult.Mapped ? t.steps().size() - 1 : -1;
        bits.show(t.virtualAddress(), form, leaf, t.steps().size());
        bits.symbol(symbolOf(t).orElse(""));
        switch (t.result()) {
            case WalkResult.Mapped m -> bits.summarize("→ " + model.tableSpace().word() + " " + Hex.of(m.address())
                    + "  (" + Sizes.of(m.pageSize()) + " page)", true);
            case WalkResult.Fault f -> bits.summarize("✗ " + f.reason(), false);
        }
        if (body.getTop() == null) {
            ScrollPane side = new ScrollPane(detail);
            side.setFitToWidth(true);
            side.getStyleClass().add("walk-detail-scroll");
            detail.getStyleClass().add("walk-detail");
            SplitPane split = new SplitPane(entries, side);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.62);
            split.getStyleClass().add("walk-split");
            body.setTop(new VBox(bits, crumbs));
            body.setCenter(split);
        }
        showLevel(t, model.levelProperty().get());
    }

    private void showLevel(Translation t, int level) {
        if (t == null) {
            return;
        }
        crumbs.show(t, level);
        detail.getChildren().clear();
        PagingForm form = t.mode().form();
        if (level >= 0 && level < t.steps().size()) {
            String next = level + 1 < form.depth() ? form.levels().get(level + 1).name() : null;
            detail.getChildren().add(new StepCard(t.steps().get(level), form.depth() - 1 - level, next, form.mappedBy(level), model::explain));
        }
        Space space = model.tableSpace();
        detail.getChildren().add(new OutcomeCard(t, space, pa -> nav.showHex(space, pa)));
    }

    private void showTable(LevelTable table) {
        Translation t = model.translationProperty().get();
        if (table == null || t == null) {
            entries.clear();
            return;
        }
        PagingForm form = t.mode().form();
        String next = table.level() + 1 < form.depth() ? form.levels().get(table.level() + 1).name() : null;
        entries.show(table, table.step().tableSpace(), next);
    }
}
