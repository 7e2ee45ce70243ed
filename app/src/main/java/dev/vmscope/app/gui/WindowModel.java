package dev.vmscope.app.gui;

import dev.vmscope.core.Session;
import elf4j.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The main window's state: the documents open (one per source, each in its tab), the one selected,
 * and the opening in progress. Opening runs in a {@link Task} on its own thread; a newer opening
 * supersedes an older one (whose session, if it still opens, is closed at once), and a cancelled one
 * likewise. A document that is closed has its session closed off the FX thread. Used from the FX thread.
 */
public final class WindowModel {
    private static final Logger LOG = Logger.instance();
    private static final ExecutorService OPENER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vmscope-open");
        t.setDaemon(true);
        return t;
    });

    private final ObservableList<Document> documents = FXCollections.observableArrayList();
    /** One wrapper for every reader: an unmodifiable view holds its listeners only as long as it lives. */
    private final ObservableList<Document> documentsView = FXCollections.unmodifiableObservableList(documents);
    private final ObjectProperty<Document> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<Task<Session>> opening = new ReadOnlyObjectWrapper<>(this, "opening");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");

    public WindowModel() {
        session.bind(selected.map(Document::session));
        open.bind(selected.isNotNull());
    }

    /**
     * Opens {@code s} in the background; on success it becomes a new document, selected.
     *
     * @param opened told on the FX thread once the document is shown
     * @param failed told on the FX thread why it could not be opened
     */
    public void open(Source s, Consumer<Document> opened, Consumer<Throwable> failed) {
        Task<Session> task = new Task<>() {
            @Override
            protected Session call() {
                updateMessage(s.waiting());
                updateProgress(-1, 1);
                Session result = s.open();
                if (isCancelled()) {
                    result.close();
                }
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
            Document d = Document.of(s, task.getValue());
            documents.add(d);
            selected.set(d);
            opened.accept(d);
        });
        task.setOnFailed(e -> {
            if (opening.get() == task) {
                opening.set(null);
                LOG.atWarn().log("cannot open {}: {}", s.name(), String.valueOf(task.getException()));
                LOG.atDebug().log(task.getException(), "cannot open {}", s.name());
                failed.accept(task.getException());
            }
        });
        opening.set(task);
        OPENER.execute(task);
    }

    /** Gives up the opening in progress; a session that still opens is closed at once. */
    public void cancelOpening() {
        Task<Session> task = opening.get();
        if (task != null) {
            opening.set(null);
            task.cancel();
        }
    }

    /** Closes a document and its session; the one beside it is selected. */
    public void close(Document d) {
        int at = documents.indexOf(d);
        if (at < 0) {
            return;
        }
        documents.remove(at);
        if (selected.get() == d) {
            selected.set(documents.isEmpty() ? null : documents.get(Math.min(at, documents.size() - 1)));
        }
        OPENER.execute(d.session()::close);
    }

    /** Closes the selected document, if any. */
    public void close() {
        if (selected.get() != null) {
            close(selected.get());
        }
    }

    /** Closes every document. */
    public void closeAll() {
        selected.set(null);
        documents.forEach(d -> OPENER.execute(d.session()::close));
        documents.clear();
    }

    /** Selects the next (or, with {@code step} −1, the previous) document, wrapping around. */
    public void cycle(int step) {
        if (documents.size() > 1) {
            int at = documents.indexOf(selected.get());
            selected.set(documents.get(Math.floorMod(at + step, documents.size())));
        }
    }

    public ObservableList<Document> documents() {
        return documentsView;
    }

    /** The document shown; the tabs set it when the user picks another. */
    public ObjectProperty<Document> selectedProperty() {
        return selected;
    }

    /** The selected document's session. */
    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The opening in progress, for the status bar's progress. */
    public ReadOnlyObjectProperty<Task<Session>> openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Whether a document is shown. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }
}
