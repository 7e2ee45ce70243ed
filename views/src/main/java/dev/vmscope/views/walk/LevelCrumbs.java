package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.views.fx.Sizes;
import javafx.scene.control.TreeItem;
import org.controlsfx.control.BreadCrumbBar;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * The levels of a walk as a bread-crumb path, {@code root → PML4[511] → … → 2 MiB page}: clicking a
 * level shows its table; the level shown is marked. The path stays whole when a crumb is clicked.
 */
final class LevelCrumbs extends BreadCrumbBar<LevelCrumbs.Crumb> {

    /** One crumb: its words and the level it shows (the root shows the top level, the outcome the last). */
    record Crumb(String text, int level, String styleClass) {
        @Override
        public String toString() {
            return text;
        }
    }

    private int shown = -1;

    LevelCrumbs(IntConsumer showLevel) {
        getStyleClass().add("level-crumbs");
        setAutoNavigationEnabled(false);
        setCrumbFactory(item -> {
            BreadCrumbButton b = new BreadCrumbButton(item.getValue().text());
            b.getStyleClass().addAll("crumb", item.getValue().styleClass());
            if (item.getValue().level() == shown && !item.getValue().styleClass().equals("crumb-root")
                    && !item.getValue().styleClass().startsWith("crumb-outcome")) {
                b.getStyleClass().add("crumb-shown");
            }
            return b;
        });
        setOnCrumbAction(e -> showLevel.accept(e.getSelectedCrumb().getValue().level()));
    }

    /** Draws the path of {@code t} with level {@code level} marked as shown. */
    void show(Translation t, int level) {
        shown = level;
        if (t == null) {
            setSelectedCrumb(null);
            return;
        }
        List<WalkStep> steps = t.steps();
        TreeItem<Crumb> last = new TreeItem<>(new Crumb("root " + Hex.of(t.root()), 0, "crumb-root"));
        for (int i = 0; i < steps.size(); i++) {
            WalkStep s = steps.get(i);
            TreeItem<Crumb> item = new TreeItem<>(new Crumb(s.level() + "[" + s.index() + "]", i, "lvl-" + (t.mode().form().depth() - 1 - i)));
            last.getChildren().add(item);
            last = item;
        }
        String outcome = switch (t.result()) {
            case WalkResult.Mapped m -> Sizes.of(m.pageSize()) + " page " + Hex.of(m.address() & -m.pageSize());
            case WalkResult.Fault f -> "✗ " + f.reason();
        };
        TreeItem<Crumb> end = new TreeItem<>(new Crumb(outcome, steps.size() - 1,
                t.mapped() ? "crumb-outcome-mapped" : "crumb-outcome-fault"));
        last.getChildren().add(end);
        setSelectedCrumb(null);
        setSelectedCrumb(end);
    }
}
