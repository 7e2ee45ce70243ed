package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.OptionalLong;

/**
 * One row of the hex view: the address, sixteen bytes in hex and the same in ASCII. Bytes the dump
 * does not hold read {@code ??} in their own colour; the byte gone to is highlighted. Nodes are
 * made once and reused as the view scrolls.
 */
final class HexRowView extends HBox {
    static final double HEIGHT = 21;
    /** The space between the eighth and ninth byte. */
    static final Insets HALF_GAP = new Insets(0, 0, 0, 10);

    private final Label address = new Label();
    private final Label[] hex = new Label[HexRow.WIDTH];
    private final Label[] ascii = new Label[HexRow.WIDTH];
    private final Tooltip tip = new Tooltip();

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
            if (i == HexRow.WIDTH / 2) {
                HBox.setMargin(hex[i], HALF_GAP);
            }
            bytes.getChildren().add(hex[i]);
            chars.getChildren().add(ascii[i]);
        }
        getChildren().addAll(address, bytes, chars);
    }

    private static Label cell(String style) {
        Label l = new Label();
        l.getStyleClass().addAll("code", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    void show(HexRow row, OptionalLong target) {
        address.setText(Hex.of(row.address()));
        for (int i = 0; i < HexRow.WIDTH; i++) {
            boolean readable = row.readable(i);
            boolean aimed = target.isPresent() && target.getAsLong() == row.address() + i;
            style(hex[i], row.hex(i), readable, aimed);
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
