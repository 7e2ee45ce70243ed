package dev.vmscope.app.gui.lessons;

import dev.vmscope.views.teach.Lesson;
import dev.vmscope.views.teach.ScoreBook;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

import java.util.prefs.Preferences;

/** The Lessons menu: one item per bundled lesson, each opening it in a window of its own. */
public final class LessonsMenu {
    /** The preferences node of the quiz scores. */
    static final String SCORES = "dev/vmscope/lessons/scores";

    private LessonsMenu() {
    }

    /**
     * @param openOwnDump the main window's File → Open, for "Now try your own dump…"
     */
    public static Menu of(LessonCatalog catalog, Runnable openOwnDump) {
        Menu menu = new Menu("_Lessons");
        menu.setId("menu-lessons");
        if (!catalog.present()) {
            MenuItem none = new MenuItem("(no lessons in this build)");
            none.setDisable(true);
            menu.getItems().add(none);
            return menu;
        }
        ScoreBook scores = new ScoreBook(Preferences.userRoot().node(SCORES));
        for (Lesson l : catalog.lessons()) {
            MenuItem i = new MenuItem(l.title());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> new LessonWindow(catalog, openOwnDump, scores).open(l));
            menu.getItems().add(i);
        }
        return menu;
    }
}
