package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.OptionalLong;

/**
 * One row of the hex view: the address, sixteen bytes in hex, optionally the two little-endian
 * 64-bit words they form, and the bytes in ASCII. Bytes the dump does not hold read {@code ??} in
 * their own colour, bytes of pages its filtering excluded {@code --}; the tooltip says why. The byte
 * gone to is highlighted; a row that starts a page has a line above. Nodes are made once and reused
 * as the view scrolls.
 */
final class HexRowView extends HBox {
    static final double HEIGHT = 21;
    /** The space between the eighth and ninth byte. */
    static final Insets HALF_GAP = new Insets(0, 0, 0, 10);

    private final Label address = new Label();
    private final Label[] hex = new Label[HexRow.WIDTH];
    private final Label[] ascii = new Label[HexRow.WIDTH];
    private final Label[] words = {cell("hex-word"), cell("hex-word")};
    private final HBox wordBox = new HBox(words);
    private final Tooltip tip = new Tooltip();
    private HexRow shown;

    HexRowView() {
        getStyleClass().add("hex-row");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        address.getStyleClass().addAll("code", "hex-address");
        address.setMinWidth(Region.USE_PREF_SIZE);
        HBox bytes = new HBox();
        bytes.getStyleClass().add("hex-bytes");
        HBox chars = new HBox();
        chars.getStyleClass().add("hex-chars");
        for (int i = 0; i < HexRow.WIDTH; i++) {
            hex[i] = cell("hex-byte");
            ascii[i] = cell("hex-ascii");
            hex[i].setUserData(i);
            ascii[i].setUserData(i);
            if (i == HexRow.WIDTH / 2) {
                HBox.setMargin(hex[i], HALF_GAP);
            }
            bytes.getChildren().add(hex[i]);
            chars.getChildren().add(ascii[i]);
        }
        wordBox.getStyleClass().add("hex-words");
        getChildren().addAll(address, bytes, wordBox, chars);
    }

    /** Shows or hides the two little-endian 64-bit words beside the bytes. */
    void showWords(boolean on) {
        wordBox.setVisible(on);
        wordBox.setManaged(on);
    }

    private static Label cell(String style) {
        Label l = new Label();
        l.getStyleClass().addAll("code", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The address of the byte a cell of this row shows, when {@code n} is one of its byte cells. */
    OptionalLong addressOf(javafx.scene.Node n) {
        return shown != null && n.getUserData() instanceof Integer i ? OptionalLong.of(shown.address() + i) : OptionalLong.empty();
    }

    /** The address of the row shown, once one is. */
    OptionalLong rowAddress() {
        return shown == null ? OptionalLong.empty() : OptionalLong.of(shown.address());
    }

    /** What the row's tooltip says (why some bytes are not in the dump), or empty. */
    String tipText() {
        return shown == null || shown.problem().isEmpty() ? "" : tip.getText();
    }

    void show(HexRow row, OptionalLong target, ByteSpan selection) {
        shown = row;
        address.setText(Hex.of(row.address()));
        pseudoClassStateChanged(HexView.PAGE_START, (row.address() & (PageReader.PAGE - 1)) == 0);
        for (int w = 0; w < words.length; w++) {
            words[w].setText(row.word(w));
            words[w].pseudoClassStateChanged(HexView.UNREADABLE, row.word(w).contains("?") || row.word(w).contains("-"));
        }
        for (int i = 0; i < HexRow.WIDTH; i++) {
            boolean readable = row.readable(i);
            boolean aimed = target.isPresent() && target.getAsLong() == row.address() + i;
            style(hex[i], row.hex(i), readable, aimed);
            hex[i].pseudoClassStateChanged(HexView.EXCLUDED, row.excluded(i));
            ascii[i].pseudoClassStateChanged(HexView.EXCLUDED, row.excluded(i));
            boolean chosen = selection != null && selection.contains(row.address() + i);
            hex[i].pseudoClassStateChanged(HexView.SELECTED, chosen);
            ascii[i].pseudoClassStateChanged(HexView.SELECTED, chosen);
            hex[i].pseudoClassStateChanged(HexView.ZERO, readable && row.hex(i).equals("00"));
            style(ascii[i], String.valueOf(row.ascii(i)), readable, aimed);
        }
        if (row.problem().isEmpty()) {
            Tooltip.uninstall(this, tip);
        } else {
            tip.setText(Hex.of(row.address()) + ": " + row.problem());
            Tooltip.install(this, tip);
        }
    }

    private static void style(Label l, String text, boolean readable, boolean aimed) {
        l.setText(text);
        l.pseudoClassStateChanged(HexView.UNREADABLE, !readable);
        l.pseudoClassStateChanged(HexView.TARGET, aimed);
    }
}
