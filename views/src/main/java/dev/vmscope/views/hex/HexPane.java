package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.symbols.SymbolTable;
import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.symbols.AddressField;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Optional;

/**
 * The hex view: choose the space (physical, virtual, and machine for a Xen host), go to an address
 * (hex, with or without {@code 0x}), scroll through rows read on demand, find bytes (Shortcut+F, F3,
 * Shift+F3), select bytes with the mouse and copy them (Shortcut+C hex, Shortcut+Shift+C ASCII), show
 * 64-bit words. All bindings are made in {@link #wire()}.
 */
public final class HexPane extends BorderPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final javafx.scene.input.KeyCombination FIND = javafx.scene.input.KeyCombination.valueOf("Shortcut+F");
    /** Virtual aliases shown as links; the rest are counted. */
    private static final int SHOWN_ALIASES = 4;
    private final HexModel model;
    private final HexView view;
    private final ToggleGroup spaces = new ToggleGroup();
    private final ObservableValue<Optional<SymbolTable>> symbols;
    private final AddressField address;
    private final Button go = new Button("Go");
    private final Label problem = new Label();
    private final Label where = new Label();
    private final ToggleButton words = new ToggleButton("64-bit words");
    private final HexFindBar find;

    /** A hex view that takes hexadecimal addresses only. */
    public HexPane(HexModel model) {
        this(model, new SimpleObjectProperty<>(Optional.empty()));
    }

    /**
     * @param symbols the session's symbols: in the virtual space the address field takes symbol expressions
     *                and completes symbol names
     */
    public HexPane(HexModel model, ObservableValue<Optional<SymbolTable>> symbols) {
        this.model = model;
        this.symbols = symbols;
        this.address = new AddressField(symbols);
        this.view = new HexView(model);
        this.find = new HexFindBar(model);
        getStyleClass().add("hex-pane");
        Stylesheets.apply(this, HexPane.class, "hex.css");
        setTop(new javafx.scene.layout.VBox(header(), aliases(), find));
        setCenter(view);
        setBottom(footer());
        wire();
    }

    private HBox header() {
        HBox choice = new HBox();
        choice.getStyleClass().add("space-choice");
        for (Space s : model.spaces()) {
            ToggleButton b = new ToggleButton(s.word());
            b.setUserData(s);
            b.setToggleGroup(spaces);
            b.getStyleClass().add("space-" + s.id());
            choice.getChildren().add(b);
        }
        Label label = new Label("Go _to");
        label.setMnemonicParsing(true);
        label.setLabelFor(address);
        address.getStyleClass().addAll("code", "goto-field");
        address.setPromptText("address or symbol+offset");
        address.setPrefColumnCount(20);
        problem.getStyleClass().addAll("error-text", "hex-problem");
        words.getStyleClass().add("hex-words-toggle");
        words.setAccessibleText("Show each row's two little-endian 64-bit words beside the bytes");
        words.setTooltip(new Tooltip("Each row's two 8-byte words, little-endian, beside the bytes"));
        address.setAccessibleText("Address to go to");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox h = new HBox(choice, label, address, go, problem, gap, words);
        h.getStyleClass().add("pane-header");
        return h;
    }

    /** Where the byte gone to also appears in the kernel's virtual space: links that show it there. */
    private HBox aliases() {
        HBox bar = new HBox();
        bar.getStyleClass().add("hex-aliases");
        bar.managedProperty().bind(bar.visibleProperty());
        model.aliasesProperty().subscribe(list -> {
            bar.setVisible(!list.isEmpty());
            Label also = new Label("Also mapped at virtual");
            also.getStyleClass().add("hint");
            bar.getChildren().setAll(also);
            for (long va : list.subList(0, Math.min(list.size(), SHOWN_ALIASES))) {
                Hyperlink link = new Hyperlink(Hex.of(va));
                link.getStyleClass().addAll("code", "hex-alias");
                link.setOnAction(e -> show(Space.KERNEL_VIRTUAL, va));
                bar.getChildren().add(link);
            }
            if (list.size() > SHOWN_ALIASES) {
                Label more = new Label("and " + (list.size() - SHOWN_ALIASES) + " more");
                more.getStyleClass().add("hint");
                bar.getChildren().add(more);
            }
        });
        return bar;
    }

    private HBox footer() {
        Label unreadable = new Label("??");
        unreadable.getStyleClass().addAll("code", "hex-legend-unreadable");
        Label means = new Label("not in the dump (a hole, an unmapped address)");
        means.getStyleClass().add("hint");
        Label excluded = new Label("--");
        excluded.getStyleClass().addAll("code", "hex-legend-excluded");
        Label excludedMeans = new Label("in a page the dump's filtering excluded · hover a row for the reason");
        excludedMeans.getStyleClass().add("hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        where.getStyleClass().addAll("code", "hint", "hex-where");
        HBox f = new HBox(unreadable, means, excluded, excludedMeans, gap, where);
        f.getStyleClass().add("hex-footer");
        return f;
    }

    private void wire() {
        spaces.getToggles().stream().filter(t -> t.getUserData() == model.spaceProperty().get()).findFirst()
                .ifPresent(spaces::selectToggle);
        spaces.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null) {
                spaces.selectToggle(old);
            } else {
                model.spaceProperty().set((Space) now.getUserData());
            }
        });
        model.spaceProperty().subscribe(s -> spaces.getToggles().stream().filter(t -> t.getUserData() == s)
                .findFirst().ifPresent(spaces::selectToggle));
        words.selectedProperty().bindBidirectional(model.wordsProperty());
        setOnKeyPressed(e -> {
            if (FIND.match(e)) {
                find.focus();
            } else if (e.getCode() == javafx.scene.input.KeyCode.F3) {
                find.find(!e.isShiftDown());
            } else {
                return;
            }
            e.consume();
        });
        address.setOnAction(e -> goTo());
        go.setOnAction(e -> goTo());
        problem.textProperty().bind(model.problemProperty());
        model.problemProperty().subscribe(p -> address.pseudoClassStateChanged(INVALID, !p.isEmpty()));
        model.windowProperty().subscribe(w -> where.setText(model.spaceProperty().get().word() + "  "
                + Hex.of(w.top()) + " – " + Hex.of(w.row(w.filled() - 1) + HexRow.WIDTH - 1)));
        model.targetProperty().subscribe(t -> t.ifPresent(a -> {
            if (!address.isFocused()) {
                address.setText(Hex.of(a));
            }
        }));
        where.setTooltip(new Tooltip("The addresses in view"));
    }

    private void goTo() {
        model.goTo(address.getText(), symbols.getValue());
        if (model.problemProperty().get().isEmpty()) {
            view.requestFocus();
        }
    }

    /** Shows {@code addr} of {@code space}. */
    public void show(Space space, long addr) {
        address.setText(Hex.of(addr));
        model.show(space, addr);
    }

    /** The byte last gone to, or else the first one in view, with its space: where a rebuilt view returns to. */
    public Address position() {
        Space s = model.spaceProperty().get();
        long at = model.targetProperty().get().orElse(model.windowProperty().get().top());
        return new Address(at, s);
    }

    HexModel model() {
        return model;
    }

    /** Puts the keyboard in the "go to" field, its text selected. */
    public void focusAddress() {
        address.requestFocus();
        address.selectAll();
    }
}
