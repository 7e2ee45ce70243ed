package dev.vmscope.views.fx;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs one kind of request off the FX thread where the latest request wins: submitting a new one
 * cancels the one in flight, and only the newest result (or failure) reaches the FX thread.
 * Used from the FX thread only.
 *
 * @param <T> what a request produces
 */
public final class LatestRequest<T> {
    private final Executor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Task<T> current;

    public LatestRequest(Executor executor) {
        this.executor = executor;
    }

    public LatestRequest() {
        this(Background.readers());
    }

    /**
     * @param work   runs on a background thread
     * @param onDone gets the result on the FX thread, if no newer request came meanwhile
     * @param onFail gets the failure on the FX thread, on the same condition
     */
    public void submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFail) {
        if (current != null) {
            current.cancel(false);
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        current = task;
        busy.set(true);
        task.setOnSucceeded(e -> finish(task, () -> onDone.accept(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> onFail.accept(task.getException())));
        executor.execute(task);
    }

    private void finish(Task<T> task, Runnable deliver) {
        if (current != task) {
            return;
        }
        current = null;
        busy.set(false);
        deliver.run();
    }

    /** Whether a request is in flight. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
