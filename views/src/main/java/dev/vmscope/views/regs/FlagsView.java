package dev.vmscope.views.regs;

import dev.vmscope.core.Hex;
import dev.vmscope.core.notes.FlagRegister;
import dev.vmscope.core.notes.Register;
import dev.vmscope.views.fx.Chip;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A flags or control register decoded field by field, lowest bit first: a chip per field, set bits and
 * non-zero numbers bright, clear ones dimmed, bits no field describes named {@code bitN}; each chip's
 * tooltip gives the position and the manual's meaning. Fields whose value differs on another CPU are
 * marked.
 */
final class FlagsView extends HBox {

    /** @param differs whether field {@code name} has another value on some other CPU */
    FlagsView(Register r, FlagRegister table, java.util.function.Predicate<String> differs) {
        getStyleClass().add("flags-row");
        Label name = new Label(r.name());
        name.getStyleClass().addAll("register-name", "code", "flags-name");
        Label value = new Label(Hex.of(r.value()));
        value.getStyleClass().addAll("code", "flags-value");
        FlowPane chips = new FlowPane();
        chips.getStyleClass().add("flag-chips");
        for (FlagRegister.Value v : table.decode(r.value())) {
            boolean on = v.shown();
            String text = on ? v.text() : v.field().singleBit() ? v.field().name() : v.field().name() + "=" + v.field().format(0);
            Chip chip = new Chip(text, on ? "flag-set" : "flag-clear", v.field().name() + " (" + v.field().position() + "): "
                    + v.field().meaning() + (on ? "" : "\nclear in this value") + (differs.test(v.field().name()) ? "\ndiffers on another CPU" : ""));
            chip.getStyleClass().add("flagbit-" + v.field().name());
            if (differs.test(v.field().name())) {
                chip.getStyleClass().add("differs");
            }
            chips.getChildren().add(chip);
        }
        for (String w : table.words(r.value())) {
            if (w.startsWith("bit") && table.field(w).isEmpty()) {
                chips.getChildren().add(new Chip(w, "flag-unknown", "a set bit no field of " + table.source() + " describes"));
            }
        }
        HBox.setHgrow(chips, Priority.ALWAYS);
        getChildren().addAll(name, value, chips);
    }
}
