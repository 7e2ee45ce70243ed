package dev.vmscope.views.fx;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Which theme a node is shown in, for what CSS cannot reach (colours painted on a canvas): the scene's
 * root carries {@link #DARK} while the dark stylesheet is on.
 */
public final class Themes {
    /** The style class of the scene root under the dark theme. */
    public static final String DARK = "theme-dark";

    private Themes() {
    }

    /** Whether {@code node}'s scene is in the dark theme; follows the scene and the theme. */
    public static ObservableValue<Boolean> dark(Node node) {
        return node.sceneProperty().flatMap(s -> s.rootProperty())
                .flatMap(r -> Bindings.createBooleanBinding(() -> r.getStyleClass().contains(DARK), r.getStyleClass()))
                .orElse(false);
    }
}
