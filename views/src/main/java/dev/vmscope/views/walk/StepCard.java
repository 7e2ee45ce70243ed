package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.views.fx.Chip;
import dev.vmscope.views.fx.Copyable;
import dev.vmscope.views.fx.Sizes;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.UnaryOperator;

/**
 * One level of a walk: which table, which index (and the address bits that formed it), the entry's
 * address and raw value, its flags as chips that explain themselves, and where it leads.
 */
final class StepCard extends HBox {

    /**
     * @param levelFromBottom the level counted from the last (0 = PT on x86-64), for its colour
     * @param next            the name of the next level, or {@code null} at the last
     * @param pageSize        the size a leaf entry at this level maps
     * @param explain         a flag's one-line meaning
     */
    StepCard(WalkStep step, int levelFromBottom, String next, long pageSize, UnaryOperator<String> explain) {
        getStyleClass().addAll("card", "step-card", "lvl-" + levelFromBottom);
        Label tag = new Label(step.level());
        tag.getStyleClass().addAll("level-tag", "lvl-" + levelFromBottom);
        GridPane facts = new GridPane();
        facts.getStyleClass().add("step-facts");
        String space = step.tableSpace().word();
        pair(facts, 0, 0, "table", Hex.of(step.table()) + " (" + space + ")");
        pair(facts, 2, 0, "index", step.index() + "   ← VA bits " + step.vaHighBit() + "–" + step.vaLowBit());
        pair(facts, 0, 1, "entry at", Hex.of(step.entryAddress()));
        step.tablePseudoPhysical().ifPresent(p -> pair(facts, 0, 2, "table", Hex.of(p.value()) + " (pseudo-physical)")
                .getStyleClass().add("step-table-pseudo"));
        if (step.entryRead()) {
            pair(facts, 2, 1, "entry", Hex.of(step.entry())).getStyleClass().add("step-entry");
        }
        VBox body = new VBox(facts);
        body.getStyleClass().add("step-body");
        if (step.entryRead()) {
            body.getChildren().add(flags(step.decoded(), explain, step.decoded().leaf() && next != null));
        }
        Label leads = new Label(leadsTo(step, next, pageSize));
        leads.getStyleClass().addAll("step-leads", outcomeClass(step));
        body.getChildren().add(leads);
        HBox.setHgrow(body, Priority.ALWAYS);
        getChildren().addAll(tag, body);
    }

    private static Label pair(GridPane grid, int column, int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        Label v = Copyable.copyable(new Label(value));
        v.getStyleClass().add("fact-code");
        grid.add(n, column, row);
        grid.add(v, column + 1, row);
        return v;
    }

    private static FlowPane flags(DecodedEntry e, UnaryOperator<String> explain, boolean huge) {
        FlowPane chips = new FlowPane();
        chips.getStyleClass().add("flag-chips");
        if (e.flags().isEmpty()) {
            chips.getChildren().add(new Chip("no flags set", "flag-none", "every flag bit of this entry is clear"));
        }
        for (String f : e.flags()) {
            String cls = "flag-" + (f.contains("=") ? f.substring(0, f.indexOf('=')) : f);
            chips.getChildren().add(new Chip(f, cls, explain.apply(f)));
        }
        if (huge) {
            chips.getChildren().add(new Chip("huge page", "huge-page", "This entry maps a whole page itself instead of "
                    + "pointing to a table: the lower levels' bits become part of the page offset"));
        }
        return chips;
    }

    private static String leadsTo(WalkStep step, String next, long pageSize) {
        if (!step.entryRead()) {
            return "✗ the table is not in the dump: its entry cannot be read";
        }
        DecodedEntry e = step.decoded();
        if (!e.present()) {
            return "✗ not present: nothing is mapped here";
        }
        String space = step.tableSpace().word();
        if (e.leaf()) {
            return "→ a " + Sizes.of(pageSize) + " page at " + space + " " + Hex.of(e.target());
        }
        return "→ the " + (next == null ? "next" : next) + " table at " + space + " " + Hex.of(e.target());
    }

    private static String outcomeClass(WalkStep step) {
        return step.entryRead() && step.decoded().present() ? "leads-on" : "leads-nowhere";
    }
}
