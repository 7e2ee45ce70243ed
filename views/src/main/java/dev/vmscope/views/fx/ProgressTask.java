package dev.vmscope.views.fx;

import dev.vmscope.core.Progress;
import javafx.concurrent.Task;

import java.util.function.Function;

/**
 * A {@link Task} around long core work that reports through {@link Progress}: core's updates become the
 * task's message and progress (indeterminate while the total is unknown), the task's cancel becomes
 * core's {@code cancelled()}.
 *
 * @param <T> what the work produces
 */
public final class ProgressTask<T> extends Task<T> {
    private final Function<Progress, T> work;

    public ProgressTask(String title, Function<Progress, T> work) {
        this.work = work;
        updateTitle(title);
        updateMessage(title);
    }

    @Override
    protected T call() {
        return work.apply(new Progress() {
            @Override
            public void update(String what, long done, long total) {
                updateMessage(total > 0 ? what + " (" + done + " of " + total + ")" : what + " (" + done + ")");
                updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
            }

            @Override
            public boolean cancelled() {
                return isCancelled();
            }
        });
    }
}
