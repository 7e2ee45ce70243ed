package dev.vmscope.app.gui;

import dev.vmscope.app.gui.lessons.LessonLauncher;
import dev.vmscope.views.teach.Lesson;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/** What the window shows with no dump open: what vmscope does, "Open a dump…", the recent files, the lessons. */
final class StartPage extends VBox {

    /**
     * @param note a line to show under the title (why the sample is not shown), or empty
     */
    StartPage(Commands c, List<Path> recent, LessonLauncher lessons, String note) {
        getStyleClass().add("start-page");
        Label title = new Label("vmscope");
        title.getStyleClass().add("start-title");
        Label what = new Label("Explore kernel memory dumps: the physical memory map, page-table walks level by level, "
                + "every CPU's registers, and the bytes behind any address.");
        what.getStyleClass().add("start-what");
        what.setWrapText(true);
        Button open = new Button("Open a dump…");
        open.getStyleClass().add("start-open");
        open.setDefaultButton(true);
        open.setOnAction(e -> c.chooseAndOpen());
        Label drop = new Label("or drop a dump file on this window · " + Shortcut.OPEN.display());
        drop.getStyleClass().add("start-hint");
        getChildren().addAll(title, what, open, drop);
        if (!note.isEmpty()) {
            Label n = new Label(note);
            n.getStyleClass().add("start-note");
            n.setWrapText(true);
            getChildren().add(n);
        }
        if (!recent.isEmpty()) {
            Label r = new Label("Recent");
            r.getStyleClass().add("start-recent-title");
            VBox links = new VBox();
            links.getStyleClass().add("start-recent");
            for (Path p : recent) {
                Hyperlink l = new Hyperlink(p.toString());
                l.setOnAction(e -> c.open(p));
                links.getChildren().add(l);
            }
            getChildren().addAll(r, links);
        }
        if (!lessons.lessons().isEmpty()) {
            Label t = new Label("Lessons: how paging works, step by step on a real dump");
            t.getStyleClass().add("start-recent-title");
            VBox links = new VBox();
            links.getStyleClass().addAll("start-recent", "start-lessons");
            for (Lesson lesson : lessons.lessons()) {
                Hyperlink l = new Hyperlink(lesson.title());
                l.setOnAction(e -> lessons.open(lesson));
                links.getChildren().add(l);
            }
            getChildren().addAll(t, links);
        }
    }
}
