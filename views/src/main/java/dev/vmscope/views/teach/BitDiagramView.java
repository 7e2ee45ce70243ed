package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.Translation;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * The virtual address as its bits, one coloured box per field: the bits, the field's name, its bit range
 * and its value. The level of the step shown is outlined; an index not yet revealed in a quiz shows "?".
 */
final class BitDiagramView extends VBox {
    private final Label address = new Label();
    private final HBox fields = new HBox();

    BitDiagramView() {
        getStyleClass().add("bit-diagram");
        address.getStyleClass().addAll("code", "teach-va");
        fields.getStyleClass().add("teach-fields");
        getChildren().addAll(address, fields);
    }

    /**
     * @param current  the level of the step shown, or -1
     * @param revealed which levels' index values may be shown
     */
    void show(Translation t, int current, IntPredicate revealed) {
        address.setText(Words.input(t.mode()) + " " + Hex.of(t.virtualAddress()) + " · " + t.mode().id());
        List<BitField> list = BitField.of(t);
        fields.getChildren().setAll(list.stream().map(f -> box(f, f.level() == current && current >= 0,
                f.role() != BitField.Role.INDEX || revealed.test(f.level()))).toList());
    }

    private static VBox box(BitField f, boolean current, boolean revealed) {
        Label bits = new Label(f.binary());
        bits.getStyleClass().addAll("code", "teach-bits");
        Label name = new Label(f.name());
        name.getStyleClass().add("teach-field-name");
        Label range = new Label(f.range());
        range.getStyleClass().add("teach-field-range");
        Label value = new Label(!revealed ? "index ?" : f.role() == BitField.Role.INDEX ? "index " + f.value() : Hex.of(f.value()));
        value.getStyleClass().add("teach-field-value");
        VBox box = new VBox(bits, name, range, value);
        for (Label l : List.of(bits, name, range, value)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        box.getStyleClass().add("teach-field");
        if (current) {
            box.getStyleClass().add("current");
        }
        box.setStyle("-fx-background-color: " + Palette.of(f) + ";");
        return box;
    }
}
