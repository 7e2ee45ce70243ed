package dev.vmscope.app.gui;

import dev.vmscope.views.explorer.Page;

import java.nio.file.Path;

/** What the menus and the start page can ask the window to do. */
interface Commands {
    void chooseAndOpen();

    void open(Path path);

    void openSample();

    void closeSession();

    void quit();

    void show(Page page);

    void walk();

    void hex();

    void showShortcuts();

    void showAbout();
}
