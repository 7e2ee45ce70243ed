package dev.vmscope.views.fx;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Read-only table columns over immutable values: text computed from the row's value. */
public final class Columns {
    private Columns() {
    }

    /** A column of plain text. */
    public static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        return c;
    }

    /** A column of addresses or numbers, set in the monospace font and aligned right. */
    public static <T> TableColumn<T, String> code(String title, Function<T, String> value) {
        TableColumn<T, String> c = text(title, value);
        c.getStyleClass().add("code-column");
        return c;
    }
}
