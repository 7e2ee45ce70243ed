package dev.vmscope.app.gui;

import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.fx.Themes;
import javafx.scene.Scene;

import java.util.Locale;

/**
 * The window's colours. Both themes share every rule; the dark one redefines the looked-up colours
 * after the light ones, so every pane follows without knowing which theme is on.
 */
enum Theme {
    LIGHT("_Light"),
    DARK("_Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The style class the scene's root carries while this theme is on; canvases read {@link Themes#DARK}. */
    String styleClass() {
        return this == DARK ? Themes.DARK : "theme-" + name().toLowerCase(Locale.ROOT);
    }

    /** Puts this theme on {@code scene}, taking the other off. */
    void apply(Scene scene) {
        scene.getStylesheets().remove(Stylesheets.DARK);
        if (this == DARK) {
            scene.getStylesheets().add(scene.getStylesheets().indexOf(Stylesheets.THEME) + 1, Stylesheets.DARK);
        }
        for (Theme t : values()) {
            scene.getRoot().getStyleClass().remove(t.styleClass());
        }
        scene.getRoot().getStyleClass().add(styleClass());
    }

    static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return LIGHT;
    }
}
