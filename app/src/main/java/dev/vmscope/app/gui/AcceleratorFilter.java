package dev.vmscope.app.gui;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Fires the menus' accelerators before the focused control sees the keys, so that a text field
 * does not swallow them (on Linux and Windows a text field takes Ctrl+H as backspace).
 */
final class AcceleratorFilter {
    private AcceleratorFilter() {
    }

    static void install(Scene scene, MenuBar bar) {
        List<MenuItem> items = new ArrayList<>();
        bar.getMenus().forEach(m -> collect(m, items));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (MenuItem i : items) {
                if (i.getAccelerator() != null && i.getAccelerator().match(e)) {
                    if (!i.isDisable()) {
                        i.fire();
                    }
                    e.consume();
                    return;
                }
            }
        });
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) {
                collect(sub, into);
            } else {
                into.add(i);
            }
        }
    }
}
