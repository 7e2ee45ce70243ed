package dev.vmscope.views.fx;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** A small rounded label: a flag, a kind, a permission. Styled by {@code .chip} and its own class. */
public final class Chip extends Label {

    /**
     * @param text       what it says
     * @param styleClass an extra style class, e.g. {@code flag-present}
     * @param tip        the tooltip text, or {@code null} for none
     */
    public Chip(String text, String styleClass, String tip) {
        super(text);
        getStyleClass().addAll("chip", styleClass);
        if (tip != null) {
            Tooltip t = new Tooltip(tip);
            t.setShowDelay(Duration.millis(250));
            t.setWrapText(true);
            t.setMaxWidth(420);
            setTooltip(t);
        }
    }
}
