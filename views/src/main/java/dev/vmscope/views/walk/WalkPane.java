package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Sizes;
import dev.vmscope.views.fx.Stylesheets;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The page-table walk: type a virtual address (hex, with or without {@code 0x}) and press Enter,
 * choose the root (the kernel's or a CPU's), and see the address as bits coloured by level, one
 * card per level, and the outcome. All bindings are made in {@link #wire()}.
 */
public final class WalkPane extends BorderPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final WalkModel model;
    private final Navigation nav;
    private final TextField address = new TextField();
    private final ComboBox<WalkRoot> root = new ComboBox<>();
    private final Button walk = new Button("Walk");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label problem = new Label();
    private final AddressBitsView bits = new AddressBitsView();
    private final VBox steps = new VBox();
    private final VBox body = new VBox();

    public WalkPane(WalkModel model, Navigation nav) {
        this.model = model;
        this.nav = nav;
        getStyleClass().add("walk-pane");
        Stylesheets.apply(this, WalkPane.class, "walk.css");
        setTop(header());
        if (!model.available()) {
            Label why = new Label("Page-table walks are not available for this dump: " + model.unavailableReason());
            why.getStyleClass().add("placeholder-text");
            why.setWrapText(true);
            setCenter(why);
            address.setDisable(true);
            root.setDisable(true);
            walk.setDisable(true);
            return;
        }
        steps.getStyleClass().add("steps");
        body.getStyleClass().add("walk-body");
        body.getChildren().setAll(intro());
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("walk-scroll");
        setCenter(scroll);
        wire();
    }

    private HBox header() {
        Label label = new Label("_Virtual address");
        label.setMnemonicParsing(true);
        label.setLabelFor(address);
        address.setPromptText("e.g. ffffffff81000000");
        address.getStyleClass().addAll("code", "address-field");
        address.setPrefColumnCount(20);
        Label rootLabel = new Label("_Root");
        rootLabel.setMnemonicParsing(true);
        rootLabel.setLabelFor(root);
        root.getStyleClass().add("root-choice");
        walk.setDefaultButton(false);
        busy.getStyleClass().add("busy");
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        problem.getStyleClass().addAll("error-text", "walk-problem");
        HBox h = new HBox(label, address, rootLabel, root, walk, busy, problem);
        h.getStyleClass().add("pane-header");
        return h;
    }

    private void wire() {
        root.setItems(model.roots());
        root.valueProperty().bindBidirectional(model.rootProperty());
        root.valueProperty().subscribe(r -> root.setTooltip(r == null ? null : new Tooltip(r.origin())));
        address.setOnAction(e -> model.walk(address.getText()));
        walk.setOnAction(e -> model.walk(address.getText()));
        busy.visibleProperty().bind(model.busyProperty());
        problem.textProperty().bind(model.problemProperty());
        model.problemProperty().subscribe(p -> address.pseudoClassStateChanged(INVALID, !p.isEmpty()));
        model.translationProperty().subscribe(this::show);
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

    private VBox intro() {
        Label hint = new Label("Type a virtual address and press Enter. The walk reads one entry per level of the "
                + "page tables, from the root you choose, and shows each step.");
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
        PagingForm form = t.mode().form();
        int leaf = t.result() instanceof WalkResult.Mapped ? t.steps().size() - 1 : -1;
        bits.show(t.virtualAddress(), form, leaf, t.steps().size());
        switch (t.result()) {
            case WalkResult.Mapped m -> bits.summarize("→ " + model.tableSpace().word() + " " + Hex.of(m.address())
                    + "  (" + Sizes.of(m.pageSize()) + " page)", true);
            case WalkResult.Fault f -> bits.summarize("✗ " + f.reason(), false);
        }
        steps.getChildren().clear();
        List<WalkStep> list = t.steps();
        for (int i = 0; i < list.size(); i++) {
            String next = i + 1 < form.depth() ? form.levels().get(i + 1).name() : null;
            steps.getChildren().add(new StepCard(list.get(i), form.depth() - 1 - i, next, form.mappedBy(i), model::explain));
        }
        Space space = model.tableSpace();
        OutcomeCard outcome = new OutcomeCard(t, space, pa -> nav.showHex(space, pa));
        body.getChildren().setAll(bits, steps, outcome);
    }
}
