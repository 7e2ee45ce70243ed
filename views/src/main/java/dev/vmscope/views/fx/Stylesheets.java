package dev.vmscope.views.fx;

import javafx.scene.Parent;

import java.net.URL;
import java.util.Objects;

/** Loads a view's stylesheet from beside its class, after the shared theme. */
public final class Stylesheets {
    /** The theme every pane shares: colours, fonts, chips. */
    public static final String THEME = url(Stylesheets.class, "/dev/vmscope/views/vmscope.css");
    /** Added after {@link #THEME} to a scene: the same looked-up colours, dark. */
    public static final String DARK = url(Stylesheets.class, "/dev/vmscope/views/vmscope-dark.css");

    private Stylesheets() {
    }

    /** Adds the theme and {@code name} (resolved beside {@code owner}) to {@code node}. */
    public static void apply(Parent node, Class<?> owner, String name) {
        if (!node.getStylesheets().contains(THEME)) {
            node.getStylesheets().add(THEME);
        }
        node.getStylesheets().add(url(owner, name));
    }

    private static String url(Class<?> owner, String name) {
        URL u = owner.getResource(name);
        return Objects.requireNonNull(u, () -> "stylesheet missing beside " + owner.getName() + ": " + name).toExternalForm();
    }
}
