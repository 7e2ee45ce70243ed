package dev.vmscope.app.gui;

import dev.vmscope.core.Session;
import elf4j.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The main window's state: the session shown, its source, and the opening in progress. Opening runs
 * in a {@link Task} on its own thread; a newer opening supersedes an older one (whose session, if it
 * still opens, is closed at once), and a session that is replaced or closed is closed. Used from the
 * FX thread.
 */
public final class WindowModel {
    private static final Logger LOG = Logger.instance();
    private static final ExecutorService OPENER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmscope-open");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<Task<Session>> opening = new ReadOnlyObjectWrapper<>(this, "opening");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");

    public WindowModel() {
        open.bind(session.isNotNull());
    }

    /**
     * Opens {@code s} in the background; on success it becomes the session shown.
     *
     * @param opened told on the FX thread once the session is shown
     * @param failed told on the FX thread why it could not be opened
     */
    public void open(Source s, Consumer<Source> opened, Consumer<Throwable> failed) {
        Task<Session> task = new Task<>() {
            @Override
            protected Session call() {
                updateMessage("Opening " + s.name() + " …");
                updateProgress(-1, 1);
                Session result = s.open();
                updateProgress(1, 1);
                return result;
            }
        };
        task.setOnSucceeded(e -> {
            if (opening.get() != task) {
                OPENER.execute(task.getValue()::close);
                return;
            }
            opening.set(null);
            replace(task.getValue(), s);
            opened.accept(s);
        });
        task.setOnFailed(e -> {
            if (opening.get() == task) {
                opening.set(null);
                LOG.atError().log(task.getException(), "cannot open {}", s.name());
                failed.accept(task.getException());
            }
        });
        opening.set(task);
        OPENER.execute(task);
    }

    /** Closes the session shown, if any. */
    public void close() {
        replace(null, null);
    }

    private void replace(Session next, Source from) {
        Session old = session.get();
        source.set(from);
        session.set(next);
        if (old != null) {
            OPENER.execute(old::close);
        }
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The opening in progress, for the status bar's progress. */
    public ReadOnlyObjectProperty<Task<Session>> openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Whether a session is shown. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }
}
