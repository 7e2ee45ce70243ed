package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.views.fx.Chip;
import dev.vmscope.views.fx.Copyable;
import dev.vmscope.views.fx.FactGrid;
import dev.vmscope.views.fx.Sizes;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.LongConsumer;

/** How a walk ended: the mapped address with page size and permissions, or the fault with its level and reason. */
final class OutcomeCard extends VBox {

    /**
     * @param space  the space the page is in (physical, or machine for a Xen host)
     * @param toHex  opens the hex view at a translated address
     */
    OutcomeCard(Translation t, Space space, LongConsumer toHex) {
        getStyleClass().addAll("card", "outcome-card");
        switch (t.result()) {
            case WalkResult.Mapped m -> mapped(t, m, space, toHex);
            case WalkResult.Fault f -> fault(f);
        }
    }

    private void mapped(Translation t, WalkResult.Mapped m, Space space, LongConsumer toHex) {
        getStyleClass().add("mapped");
        Label title = new Label("✓ Mapped");
        title.getStyleClass().add("outcome-title");
        Label physical = Copyable.copyable(new Label(Hex.of(m.address())));
        physical.getStyleClass().addAll("code", "result-physical");
        Label arrow = new Label(Hex.of(t.virtualAddress()) + "  →  " + space.word());
        arrow.getStyleClass().addAll("code", "result-arrow");
        HBox line = new HBox(arrow, physical);
        line.getStyleClass().add("result-line");
        FactGrid facts = new FactGrid();
        boolean huge = m.pageSize() > t.mode().form().pageSize();
        facts.add("page size", Sizes.of(m.pageSize()) + (huge ? " (huge page)" : ""), false, null)
                .getStyleClass().add("result-page-size");
        facts.addCode("page base", Hex.of(m.address() & -m.pageSize()));
        t.pseudoPhysical().ifPresent(p -> facts.addCode("pseudo-physical", Hex.of(p.value())).getStyleClass().add("result-pseudo"));
        FlowPane perms = new FlowPane();
        perms.getStyleClass().add("flag-chips");
        for (String w : m.permissions().words()) {
            perms.getChildren().add(new Chip(w, "perm-" + w, permission(w)));
        }
        Button hex = new Button("Show bytes in hex view");
        hex.getStyleClass().add("to-hex");
        hex.setOnAction(e -> toHex.accept(m.address()));
        getChildren().addAll(title, line, facts, perms, hex);
    }

    private void fault(WalkResult.Fault f) {
        getStyleClass().add("fault");
        Label title = new Label("✗ Fault" + (f.level() == null ? "" : " at " + f.level()));
        title.getStyleClass().add("outcome-title");
        Label reason = new Label(f.reason());
        reason.getStyleClass().add("fault-reason");
        Label detail = Copyable.copyable(new Label(f.detail()));
        detail.getStyleClass().addAll("code", "fault-detail");
        Label kind = new Label(kindWords(f));
        kind.getStyleClass().add("hint");
        kind.setWrapText(true);
        getChildren().addAll(title, reason, detail, kind);
    }

    private static String kindWords(WalkResult.Fault f) {
        return switch (f.kind()) {
            case NOT_PRESENT -> "The entry's present bit is clear: a CPU touching this address would take a page fault.";
            case INVALID_ADDRESS -> "The address is not canonical: the CPU would raise a general-protection fault.";
            case NO_DATA -> "A table on the way is not in the dump (filtered out or outside the dumped memory).";
            case UNSUPPORTED -> "The entry uses a feature vmscope does not decode.";
            case CORRUPT -> "The tables are inconsistent: the walk cannot go on.";
        };
    }

    private static String permission(String word) {
        return switch (word) {
            case "rw" -> "writable: every level on the way allows writes";
            case "ro" -> "read-only: some level on the way forbids writes";
            case "user" -> "user mode may access it: every level on the way allows it";
            case "kernel" -> "kernel only: some level on the way keeps user mode out";
            case "x" -> "executable: no level on the way forbids instruction fetches";
            case "nx" -> "not executable: some level on the way forbids instruction fetches";
            default -> word;
        };
    }
}
