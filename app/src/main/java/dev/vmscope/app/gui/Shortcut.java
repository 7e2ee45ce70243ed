package dev.vmscope.app.gui;

import javafx.scene.input.KeyCombination;

/** The window's keyboard shortcuts: one list for the menus' accelerators and the help dialog. */
enum Shortcut {
    OPEN("Shortcut+O", "Open a dump"),
    CLOSE("Shortcut+W", "Close the selected dump's tab"),
    NEXT_DUMP("Ctrl+Tab", "The next dump's tab"),
    PREVIOUS_DUMP("Ctrl+Shift+Tab", "The previous dump's tab"),
    REFRESH("F5", "Read the shown pane's data again (live sources change)"),
    QUIT("Shortcut+Q", "Quit"),
    INFO("Shortcut+1", "Show the info page"),
    MEMORY_MAP("Shortcut+2", "Show the memory map"),
    WALK_PAGE("Shortcut+3", "Show the page walk"),
    REGISTERS("Shortcut+4", "Show the registers"),
    HEX_PAGE("Shortcut+5", "Show the hex view"),
    PTDUMP_PAGE("Shortcut+6", "Show the page tables (ptdump)"),
    WALK("Shortcut+G", "Walk an address: the page walk's address field"),
    HEX("Shortcut+H", "Hex view: its go-to field"),
    HELP("F1", "Keyboard shortcuts");

    private final String keys;
    private final String does;

    Shortcut(String keys, String does) {
        this.keys = keys;
        this.does = does;
    }

    KeyCombination combination() {
        return KeyCombination.valueOf(keys);
    }

    /** The keys as this platform writes them, e.g. {@code Ctrl+O}. */
    String display() {
        return combination().getDisplayText();
    }

    String does() {
        return does;
    }
}
