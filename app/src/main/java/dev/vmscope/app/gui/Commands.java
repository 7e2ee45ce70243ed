package dev.vmscope.app.gui;

import dev.vmscope.views.explorer.Page;

import java.nio.file.Path;

/** What the menus, the status bar and the start page can ask the window to do. */
interface Commands {
    void chooseAndOpen();

    void open(Path path);

    void openSample();

    /** Asks which live source, then opens it through the privileged reader. */
    void attachLive();

    /** Gives up the opening in progress. */
    void cancelOpening();

    /** Closes the dump of the selected tab. */
    void closeSession();

    /** Selects the next tab ({@code 1}) or the previous one ({@code -1}). */
    void cycleDocuments(int step);

    /** Reads the shown pane's data again (for a live source, the machine's memory as it is now). */
    void refresh();

    void quit();

    void show(Page page);

    void walk();

    void hex();

    void showShortcuts();

    void showAbout();

    /** File → Export as ELF…: the open dump's memory as a standard ELF vmcore. */
    void exportAsElf();

    /** File → Export as Compressed Kdump…: a flattened compressed kdump written back as the file it stands for. */
    void exportAsKdump();
}
