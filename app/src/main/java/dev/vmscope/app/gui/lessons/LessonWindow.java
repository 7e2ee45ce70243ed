package dev.vmscope.app.gui.lessons;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.views.fx.Background;
import dev.vmscope.views.teach.Lesson;
import dev.vmscope.views.teach.ScoreBook;
import dev.vmscope.views.teach.TeachActions;
import dev.vmscope.views.teach.TeachModel;
import dev.vmscope.views.teach.TeachPane;
import elf4j.Logger;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Opens a lesson in a window of its own: its dump is read from the class path into memory and opened off
 * the FX thread, then the teaching pane shows it. Closing the window closes the dump.
 */
public final class LessonWindow implements TeachActions {
    private static final Logger LOG = Logger.instance();
    private final LessonCatalog catalog;
    private final Runnable openOwnDump;
    private final ScoreBook scores;
    private Stage stage;

    /**
     * @param openOwnDump what "Now try your own dump…" does: the main window's File → Open
     */
    public LessonWindow(LessonCatalog catalog, Runnable openOwnDump, ScoreBook scores) {
        this.catalog = catalog;
        this.openOwnDump = openOwnDump;
        this.scores = scores;
    }

    /** Opens the lesson; the window appears once its dump is open. Call on the FX thread. */
    public void open(Lesson lesson) {
        Task<Opened> opening = new Task<>() {
            @Override
            protected Opened call() {
                byte[] dump = catalog.bytes(lesson.dump());
                Session s = Session.open(new ByteArrayStorage(lesson.dump(), dump), OpenOptions.DEFAULT);
                return new Opened(s, catalog.text(lesson.text()));
            }
        };
        opening.setOnSucceeded(e -> show(lesson, opening.getValue()));
        opening.setOnFailed(e -> {
            LOG.atWarn().log(opening.getException(), "lesson {} did not open", lesson.id());
            new Alert(Alert.AlertType.ERROR, "The lesson " + lesson.title() + " could not be opened: "
                    + opening.getException().getMessage()).show();
        });
        Background.readers().execute(opening);
    }

    private record Opened(Session session, String text) {
    }

    private void show(Lesson lesson, Opened opened) {
        TeachPane pane = new TeachPane(new TeachModel(opened.session(), lesson, opened.text(), scores), this);
        stage = new Stage();
        stage.setTitle("vmscope lesson — " + lesson.title());
        stage.setScene(new Scene(pane, 1300, 860));
        stage.setOnHidden(e -> opened.session().close());
        stage.show();
        LOG.atInfo().log("lesson {} opened", lesson.id());
    }

    /** The lesson's window, once shown. */
    public Stage stage() {
        return stage;
    }

    @Override
    public void openOwnDump() {
        openOwnDump.run();
    }

    @Override
    public void save(String suggestedName, byte[] content) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(suggestedName);
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        Background.readers().execute(() -> {
            try {
                Files.write(f.toPath(), content);
                LOG.atInfo().log("exported {}", f);
            } catch (IOException e) {
                LOG.atWarn().log(new UncheckedIOException(e), "export to {} failed", f);
                javafx.application.Platform.runLater(() -> new Alert(Alert.AlertType.ERROR,
                        "Could not write " + f + ": " + e.getMessage()).show());
            }
        });
    }
}
