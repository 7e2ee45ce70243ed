package dev.vmscope.views.teach;

import dev.vmscope.core.xlat.Translation;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * One frame of a walk: the address cut into fields, one step told in full (index, entry address, entry,
 * its bits one by one, where it leads, what a fault here would mean), or the outcome.
 */
final class FrameView extends VBox {

    FrameView() {
        getStyleClass().addAll("card", "teach-frame");
    }

    void showAddress(Translation t, String what) {
        List<Label> lines = new java.util.ArrayList<>();
        lines.add(label("Walk " + what, "frame-title"));
        lines.add(label("The walk cuts the address into fields, from the top bit down:", "frame-line"));
        WalkStory.fields(t).forEach(l -> lines.add(label("  " + l, "frame-field", "code")));
        lines.add(label("Press Next (→ or Space) to read the first table.", "hint"));
        getChildren().setAll(lines);
    }

    void showStep(Translation t, int step, boolean revealed) {
        StepStory s = StepStory.of(t, step);
        if (!revealed) {
            getChildren().setAll(label(s.title(), "frame-title"),
                    label("Answer the question below to see this step.", "hint"));
            return;
        }
        getChildren().setAll(label(s.title(), "frame-title"), label(s.index(), "frame-index", "code"),
                label(s.entryAddress(), "frame-entry-address", "code"), label(s.entry(), "frame-entry", "code"));
        if (!s.bits().isEmpty()) {
            getChildren().add(label("Its bits, one by one:", "frame-line"));
            s.bits().forEach(b -> getChildren().add(label("  · " + b, "frame-bit")));
        }
        getChildren().addAll(label(s.leadsTo(), "frame-leads"), label(s.faultMeaning(), "frame-fault-meaning"));
    }

    void showOutcome(Translation t, boolean revealed) {
        getChildren().setAll(label("Outcome", "frame-title"),
                revealed ? label(WalkStory.outcome(t), "frame-outcome", t.mapped() ? "mapped" : "fault")
                        : label("Answer the questions to see the outcome.", "hint"));
    }

    private static Label label(String text, String... classes) {
        Label l = new Label(text);
        l.getStyleClass().addAll(classes);
        l.setWrapText(true);
        return l;
    }
}
