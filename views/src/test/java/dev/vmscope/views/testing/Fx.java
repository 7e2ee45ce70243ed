package dev.vmscope.views.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Small helpers for reading what a pane shows. */
public final class Fx {
    private Fx() {
    }

    /** Waits until background reads have delivered what {@code condition} looks for. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("the pane never showed what was expected", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of every visible labeled node under {@code root} with the style class, in scene order. */
    public static List<String> texts(Parent root, String styleClass) {
        return nodes(root).filter(n -> n.getStyleClass().contains(styleClass) && n.isVisible())
                .map(n -> n instanceof Labeled l ? l.getText() : n instanceof javafx.scene.text.Text t ? t.getText() : "")
                .toList();
    }

    /** Every node under {@code root}, depth first. */
    public static Stream<Node> nodes(Parent root) {
        return Stream.concat(Stream.of(root), root.getChildrenUnmodifiable().stream()
                .flatMap(n -> n instanceof Parent p ? nodes(p) : Stream.of(n)));
    }
}
