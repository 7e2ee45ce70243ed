package dev.vmscope.views.hex;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.OptionalLong;

/**
 * The rows of the hex view and their scroll bar. As many rows exist as fit the height; the model
 * reads only those. Keys: arrows move a row, Page Up/Down a page, Home/End go to either end; the
 * mouse wheel scrolls three rows a notch.
 */
final class HexView extends BorderPane {
    static final PseudoClass UNREADABLE = PseudoClass.getPseudoClass("unreadable");
    static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");
    static final PseudoClass ZERO = PseudoClass.getPseudoClass("zero");
    static final PseudoClass EXCLUDED = PseudoClass.getPseudoClass("excluded");
    static final PseudoClass PAGE_START = PseudoClass.getPseudoClass("page-start");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final KeyCombination COPY_HEX = KeyCombination.valueOf("Shortcut+C");
    private static final KeyCombination COPY_ASCII = KeyCombination.valueOf("Shortcut+Shift+C");

    private final HexModel model;
    private final VBox rows = new VBox();
    private long anchor;

    HexView(HexModel model) {
        this.model = model;
        getStyleClass().add("hex-view");
        setFocusTraversable(true);
        rows.getStyleClass().add("hex-rows");
        rows.setMinHeight(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(rows.widthProperty());
        clip.heightProperty().bind(rows.heightProperty());
        rows.setClip(clip);
        HBox header = columnHeader();
        setTop(header);
        model.wordsProperty().subscribe(on -> {
            header.getChildren().get(2).setVisible(on);
            header.getChildren().get(2).setManaged(on);
            rows.getChildren().forEach(r -> ((HexRowView) r).showWords(on));
        });
        setCenter(rows);
        setRight(new HexScrollBar(model));
        rows.heightProperty().subscribe(h -> model.setVisibleRows(Math.max(1, (int) ((h.doubleValue() - 8) / HexRowView.HEIGHT))));
        model.rowsProperty().subscribe(this::render);
        model.targetProperty().subscribe(t -> render(model.rowsProperty().get()));
        model.selectionProperty().subscribe(t -> render(model.rowsProperty().get()));
        rows.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> byteAt(e).ifPresent(a -> {
            if (e.isShiftDown() && model.selectionProperty().get() != null) {
                model.selectionProperty().set(ByteSpan.between(anchor, a));
            } else {
                anchor = a;
                model.selectionProperty().set(new ByteSpan(a, 1));
            }
        }));
        rows.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> byteAt(e).ifPresent(a ->
                model.selectionProperty().set(ByteSpan.between(anchor, a))));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            long notches = Math.round(-e.getDeltaY() / 40 * 3);
            if (notches != 0) {
                model.scroll(notches);
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    private static HBox columnHeader() {
        Label address = new Label("address");
        address.getStyleClass().addAll("code", "hex-address", "hex-header-cell");
        HBox bytes = new HBox();
        bytes.getStyleClass().add("hex-bytes");
        HBox chars = new HBox();
        chars.getStyleClass().add("hex-chars");
        for (int i = 0; i < HexRow.WIDTH; i++) {
            Label h = new Label(String.format("%02x", i));
            h.getStyleClass().addAll("code", "hex-byte", "hex-header-cell");
            if (i == HexRow.WIDTH / 2) {
                HBox.setMargin(h, HexRowView.HALF_GAP);
            }
            Label c = new Label(Integer.toHexString(i));
            c.getStyleClass().addAll("code", "hex-ascii", "hex-header-cell");
            bytes.getChildren().add(h);
            chars.getChildren().add(c);
        }
        address.setMinWidth(Region.USE_PREF_SIZE);
        Label w0 = new Label("word +0 (LE)");
        Label w1 = new Label("word +8 (LE)");
        w0.getStyleClass().addAll("code", "hex-word", "hex-header-cell");
        w1.getStyleClass().addAll("code", "hex-word", "hex-header-cell");
        HBox words = new HBox(w0, w1);
        words.getStyleClass().add("hex-words");
        HBox header = new HBox(address, bytes, words, chars);
        header.getStyleClass().addAll("hex-row", "hex-header");
        return header;
    }

    private void render(List<HexRow> list) {
        while (rows.getChildren().size() < list.size()) {
            HexRowView r = new HexRowView();
            r.showWords(model.wordsProperty().get());
            rows.getChildren().add(r);
        }
        rows.getChildren().remove(list.size(), rows.getChildren().size());
        OptionalLong target = model.targetProperty().get();
        for (int i = 0; i < list.size(); i++) {
            ((HexRowView) rows.getChildren().get(i)).show(list.get(i), target, model.selectionProperty().get());
        }
    }

    /** The address of the byte cell under the pointer, if it is over one. */
    private OptionalLong byteAt(MouseEvent e) {
        Node n = e.getPickResult().getIntersectedNode();
        while (n != null && !(n instanceof Label)) {
            n = n.getParent();
        }
        if (n == null || !(n.getParent() != null && n.getParent().getParent() instanceof HexRowView row)) {
            return OptionalLong.empty();
        }
        return row.addressOf(n);
    }

    private void onKey(KeyEvent e) {
        if (COPY_HEX.match(e) || COPY_ASCII.match(e)) {
            boolean ascii = COPY_ASCII.match(e);
            model.copySelection(ascii, text -> Clipboard.getSystemClipboard().setContent(java.util.Map.of(DataFormat.PLAIN_TEXT, text)));
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case UP -> model.scroll(-1);
            case DOWN -> model.scroll(1);
            case PAGE_UP -> model.page(-1);
            case PAGE_DOWN, SPACE -> model.page(1);
            case HOME -> model.home();
            case END -> model.end();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
