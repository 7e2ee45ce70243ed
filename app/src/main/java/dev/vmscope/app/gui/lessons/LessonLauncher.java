package dev.vmscope.app.gui.lessons;

import dev.vmscope.views.teach.Lesson;
import dev.vmscope.views.teach.ScoreBook;

import java.util.List;
import java.util.prefs.Preferences;

/**
 * Opens the bundled lessons, each in a window of its own, with the quiz scores kept across them: what
 * the Lessons menu and the start page offer.
 */
public final class LessonLauncher {
    /** The preferences node of the quiz scores. */
    static final String SCORES = "dev/vmscope/lessons/scores";

    private final LessonCatalog catalog;
    private final Runnable openOwnDump;
    private ScoreBook scores;

    /**
     * @param openOwnDump the main window's File → Open, for "Now try your own dump…"
     */
    public LessonLauncher(LessonCatalog catalog, Runnable openOwnDump) {
        this.catalog = catalog;
        this.openOwnDump = openOwnDump;
    }

    /** The lessons of this build, in teaching order; none when the build has no lessons. */
    public List<Lesson> lessons() {
        return catalog.present() ? catalog.lessons() : List.of();
    }

    public void open(Lesson lesson) {
        if (scores == null) {
            scores = new ScoreBook(Preferences.userRoot().node(SCORES));
        }
        new LessonWindow(catalog, openOwnDump, scores).open(lesson);
    }
}
