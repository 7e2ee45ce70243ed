package dev.vmscope.app.gui.lessons;

import dev.vmscope.views.teach.Lesson;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;


/** The Lessons menu: one item per bundled lesson, each opening it in a window of its own. */
public final class LessonsMenu {
    private LessonsMenu() {
    }

    public static Menu of(LessonLauncher launcher) {
        Menu menu = new Menu("_Lessons");
        menu.setId("menu-lessons");
        if (launcher.lessons().isEmpty()) {
            MenuItem none = new MenuItem("(no lessons in this build)");
            none.setDisable(true);
            menu.getItems().add(none);
            return menu;
        }
        for (Lesson l : launcher.lessons()) {
            MenuItem i = new MenuItem(l.title());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> launcher.open(l));
            menu.getItems().add(i);
        }
        return menu;
    }
}
