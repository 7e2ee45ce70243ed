package dev.vmscope.app.gui;

import dev.vmscope.app.gui.lessons.LessonLauncher;
import dev.vmscope.app.gui.lessons.LessonsMenu;
import dev.vmscope.views.explorer.Page;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.SeparatorMenuItem;

import java.nio.file.Path;

/** The menu bar: File, View, Go, Lessons, Help. Items that need a dump are disabled while none is open. */
final class AppMenus {
    private AppMenus() {
    }

    /** @param flattenedKdump whether the open dump is a flattened compressed kdump, which can be written back as one */
    static MenuBar of(Commands c, RecentFiles recent, ObservableBooleanValue open, ObservableBooleanValue flattenedKdump,
                      boolean sample, LessonLauncher lessonLauncher, ObjectProperty<Theme> theme) {
        Menu file = new Menu("_File");
        Menu recentMenu = new Menu("Open _Recent");
        recentMenu.setId("menu-recent");
        file.setOnShowing(e -> fillRecent(recentMenu, recent, c));
        fillRecent(recentMenu, recent, c);
        MenuItem sampleItem = item("Open _Teaching Sample", null, c::openSample);
        sampleItem.setDisable(!sample);
        file.getItems().addAll(item("_Open…", Shortcut.OPEN, c::chooseAndOpen), recentMenu, sampleItem,
                item("_Attach to This Machine…", null, c::attachLive),
                needsDump(item("_Export as ELF…", null, c::exportAsElf), open),
                needsDump(item("Export as Compressed _Kdump…", null, c::exportAsKdump), flattenedKdump),
                needsDump(item("_Close", Shortcut.CLOSE, c::closeSession), open),
                new SeparatorMenuItem(), item("_Quit", Shortcut.QUIT, c::quit));
        Menu go = new Menu("_Go");
        go.getItems().addAll(
                needsDump(item("_Walk Address…", Shortcut.WALK, c::walk), open),
                needsDump(item("_Hex View…", Shortcut.HEX, c::hex), open),
                new SeparatorMenuItem(),
                needsDump(item("_Info", Shortcut.INFO, () -> c.show(Page.INFO)), open),
                needsDump(item("_Memory Map", Shortcut.MEMORY_MAP, () -> c.show(Page.MEMORY_MAP)), open),
                needsDump(item("_Page Walk", Shortcut.WALK_PAGE, () -> c.show(Page.WALK)), open),
                needsDump(item("_Registers", Shortcut.REGISTERS, () -> c.show(Page.REGISTERS)), open),
                needsDump(item("He_x", Shortcut.HEX_PAGE, () -> c.show(Page.HEX)), open),
                needsDump(item("Page _Tables", Shortcut.PTDUMP_PAGE, () -> c.show(Page.PTDUMP)), open));
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard Shortcuts", Shortcut.HELP, c::showShortcuts),
                item("_About vmscope", null, c::showAbout));
        Menu lessons = LessonsMenu.of(lessonLauncher);
        MenuBar bar = new MenuBar(file, view(c, open, theme), go, lessons, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static Menu view(Commands c, ObservableBooleanValue open, ObjectProperty<Theme> theme) {
        Menu themes = new Menu("_Theme");
        themes.setId("menu-theme");
        ToggleGroup group = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem i = new RadioMenuItem(t.label());
            i.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            i.setToggleGroup(group);
            i.setSelected(theme.get() == t);
            i.setOnAction(e -> theme.set(t));
            themes.getItems().add(i);
        }
        theme.subscribe(t -> group.getToggles().forEach(g -> g.setSelected(((RadioMenuItem) g).getId().equals("theme-"
                + t.name().toLowerCase(java.util.Locale.ROOT)))));
        Menu view = new Menu("_View");
        view.getItems().addAll(needsDump(item("_Refresh", Shortcut.REFRESH, c::refresh), open), new SeparatorMenuItem(),
                needsDump(item("_Next Dump", Shortcut.NEXT_DUMP, () -> c.cycleDocuments(1)), open),
                needsDump(item("_Previous Dump", Shortcut.PREVIOUS_DUMP, () -> c.cycleDocuments(-1)), open),
                new SeparatorMenuItem(), themes);
        return view;
    }

    private static void fillRecent(Menu menu, RecentFiles recent, Commands c) {
        menu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem i = new MenuItem(p.toString());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> c.open(p));
            menu.getItems().add(i);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            menu.getItems().addAll(new SeparatorMenuItem(), item("Clear the List", null, () -> {
                recent.clear();
                fillRecent(menu, recent, c);
            }));
        }
    }

    private static MenuItem item(String text, Shortcut key, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (key != null) {
            i.setAccelerator(key.combination());
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private static MenuItem needsDump(MenuItem i, ObservableBooleanValue open) {
        i.disableProperty().bind(javafx.beans.binding.Bindings.not(open));
        return i;
    }
}
