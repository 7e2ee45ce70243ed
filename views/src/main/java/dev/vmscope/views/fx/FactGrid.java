package dev.vmscope.views.fx;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Rows of "name  value": names in the label style, values selectable by copy and optionally monospace. */
public final class FactGrid extends GridPane {
    private int rows;

    public FactGrid() {
        getStyleClass().add("fact-grid");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
    }

    /** Adds a row whose value is plain text. */
    public Label add(String name, String value) {
        return add(name, value, false, null);
    }

    /** Adds a row whose value is a number or address, set in the monospace font. */
    public Label addCode(String name, String value) {
        return add(name, value, true, null);
    }

    /** Adds a row; {@code tip} explains the value (its origin), or {@code null}. */
    public Label add(String name, String value, boolean code, String tip) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        Label v = Copyable.copyable(new Label(value));
        v.getStyleClass().add(code ? "fact-code" : "fact-value");
        v.setWrapText(true);
        if (tip != null) {
            v.setTooltip(new Tooltip(tip));
        }
        addRow(rows++, n, v);
        return v;
    }
}
