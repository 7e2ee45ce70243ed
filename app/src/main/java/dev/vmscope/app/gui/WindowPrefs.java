package dev.vmscope.app.gui;

import dev.vmscope.views.explorer.Page;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/**
 * What the window remembers between runs in the user's preferences: its place and size, whether it
 * was maximized, the page shown last and the theme. A remembered place that no screen shows any more
 * is forgotten.
 */
final class WindowPrefs {
    private static final double MIN_VISIBLE = 80;
    private final Preferences node;

    WindowPrefs(Preferences node) {
        this.node = node;
    }

    /** Puts the stage where it was when it closed last, if that place is still on a screen. */
    void restore(Stage stage) {
        double w = node.getDouble("window.width", 1280);
        double h = node.getDouble("window.height", 860);
        stage.setWidth(w);
        stage.setHeight(h);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onScreen(x, y, w)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
    }

    private static boolean onScreen(double x, double y, double w) {
        return !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.max(MIN_VISIBLE, w), MIN_VISIBLE)).isEmpty();
    }

    /** Remembers the stage's place; the size of a maximized window is the one it had before. */
    void save(Stage stage) {
        node.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            node.putDouble("window.x", stage.getX());
            node.putDouble("window.y", stage.getY());
            node.putDouble("window.width", stage.getWidth());
            node.putDouble("window.height", stage.getHeight());
        }
    }

    Page page() {
        try {
            return Page.valueOf(node.get("page", Page.INFO.name()));
        } catch (IllegalArgumentException e) {
            return Page.INFO;
        }
    }

    void page(Page page) {
        node.put("page", page.name());
    }

    Theme theme() {
        return Theme.parse(node.get("theme", Theme.LIGHT.name()));
    }

    void theme(Theme theme) {
        node.put("theme", theme.name());
    }
}
