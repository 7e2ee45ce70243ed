package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.views.fx.Copyable;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * A virtual address drawn as its bits, each field in the colour of the level it indexes (the same
 * colour as that level's step below), with the sign extension above and the page offset below.
 */
final class AddressBitsView extends VBox {
    private final Label address = Copyable.copyable(new Label());
    private final Label form = new Label();
    private final HBox fields = new HBox();
    private final Label summary = new Label();
    private final Label symbol = Copyable.copyable(new Label());

    AddressBitsView() {
        getStyleClass().addAll("card", "address-bits");
        address.getStyleClass().addAll("code", "va-hex");
        form.getStyleClass().add("hint");
        Label title = new Label("Virtual address");
        title.getStyleClass().add("card-title");
        summary.getStyleClass().add("walk-summary");
        symbol.getStyleClass().addAll("code", "va-symbol");
        symbol.managedProperty().bind(symbol.textProperty().isNotEmpty());
        HBox top = new HBox(title, address, symbol, summary, form);
        top.getStyleClass().add("address-bits-top");
        fields.getStyleClass().add("va-fields");
        getChildren().addAll(top, fields);
    }

    /**
     * Shows {@code va} split for {@code paging}; {@code leafLevel} as in {@link VaFields#of};
     * indexes of levels at or past {@code reached} (the walk stopped before them) are dimmed.
     */
    void show(long va, PagingForm paging, int leafLevel, int reached) {
        address.setText(Hex.of(va));
        form.setText(paging.id() + " · " + paging.vaBits() + "-bit addresses · " + paging.depth() + " levels");
        List<VaField> list = VaFields.of(va, paging, leafLevel);
        fields.getChildren().setAll(list.stream().map(f -> field(f, paging.depth() - 1 - f.levelFromBottom() >= reached
                && f.role() == VaField.Role.INDEX)).toList());
    }

    /** The address as symbol+offset ({@code <linux_banner+0x10>}), or empty when no symbol names it. */
    void symbol(String text) {
        symbol.setText(text.isEmpty() ? "" : "<" + text + ">");
    }

    /** The walk's outcome in a few words beside the address, e.g. {@code → physical 0x1000}. */
    void summarize(String text, boolean mapped) {
        summary.setText(text);
        summary.getStyleClass().removeAll("mapped", "fault");
        summary.getStyleClass().add(mapped ? "mapped" : "fault");
    }

    private static VBox field(VaField f, boolean unreached) {
        Label bits = new Label(f.binary());
        bits.getStyleClass().addAll("code", "va-bits", f.styleClass());
        Label name = new Label(f.name());
        name.getStyleClass().addAll("va-name", f.styleClass());
        Label range = new Label(f.high() == f.low() ? "bit " + f.high() : "bits " + f.high() + "–" + f.low());
        Label value = new Label(value(f));
        range.getStyleClass().add("va-detail");
        value.getStyleClass().addAll("va-detail", "va-value");
        for (Label l : List.of(bits, name, range, value)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(bits, name, range, value);
        box.getStyleClass().add("va-field");
        if (unreached) {
            box.getStyleClass().add("unreached");
        }
        Tooltip.install(box, new Tooltip(explain(f) + (unreached ? "\n(the walk stopped before this level)" : "")));
        return box;
    }

    private static String value(VaField f) {
        return switch (f.role()) {
            case INDEX -> "index " + f.value();
            case OFFSET -> Hex.of(f.value());
            case SIGN_EXTENSION -> sign(f);
        };
    }

    private static String sign(VaField f) {
        long ones = f.width() >= 64 ? -1L : (1L << f.width()) - 1;
        if (f.value() == ones) {
            return "all 1: kernel half";
        }
        return f.value() == 0 ? "all 0: user half" : "not canonical";
    }

    private static String explain(VaField f) {
        return switch (f.role()) {
            case INDEX -> "Index " + f.value() + " into the " + f.name() + " table: the entry the walk reads there is "
                    + "at table + " + f.value() + " × 8";
            case OFFSET -> "Offset " + Hex.of(f.value()) + " inside the page (" + f.width() + " bits: a "
                    + dev.vmscope.views.fx.Sizes.of(1L << f.width()) + " page)";
            case SIGN_EXTENSION -> "Bits above the translated ones must all equal the highest translated bit; "
                    + "otherwise the address is not canonical and faults";
        };
    }
}
