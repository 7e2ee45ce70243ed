package dev.vmscope.views.teach;

/** What the teaching pane asks of the window around it: the pane itself reads and writes no files. */
public interface TeachActions {
    /** "Now try your own dump…": the window's File → Open. */
    void openOwnDump();

    /**
     * Saves an export: the window asks where, and writes it off the FX thread.
     *
     * @param suggestedName a file name with its extension ({@code .png}, {@code .svg}, {@code .txt})
     */
    void save(String suggestedName, byte[] content);

    /** Whether the window can save exports and open dumps; the pane hides those buttons when it cannot. */
    default boolean available() {
        return true;
    }

    /** A window that offers neither: exports and "Now try your own dump…" are hidden. */
    TeachActions NONE = new TeachActions() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void openOwnDump() {
        }

        @Override
        public void save(String suggestedName, byte[] content) {
        }
    };
}
