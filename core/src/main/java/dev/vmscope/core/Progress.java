package dev.vmscope.core;

/**
 * How long work reports progress and learns that it should stop, in plain Java so core stays free of
 * any UI toolkit. Views wrap it in a JavaFX Task; the CLI draws a bar on a terminal.
 */
public interface Progress {
    /** Does nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void update(String what, long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** @param total 0 when unknown */
    void update(String what, long done, long total);

    boolean cancelled();

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancelledException();
        }
    }

    /** Long work stopped at the user's request. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }
    }
}
