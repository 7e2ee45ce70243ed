package dev.vmscope.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/** Help → Keyboard shortcuts and Help → About. */
final class HelpDialogs {
    /** Keys inside the panes, beside the menus' shortcuts. */
    private static final List<String[]> IN_PANES = List.of(
            new String[] {"Enter", "Page walk: walk the address typed · Hex: go to it"},
            new String[] {"Alt+V / Alt+R", "Page walk: the address field / the root chooser"},
            new String[] {"Alt+T", "Hex: the go-to field"},
            new String[] {"↑ ↓ Page Up/Down", "Hex: a row / a page"},
            new String[] {"Home / End", "Hex: the first / last address"},
            new String[] {"+ / − / 0", "Memory map bar: zoom in / out / show all (the wheel zooms at the pointer)"},
            new String[] {"← / →", "Memory map bar: pan"},
            new String[] {"Enter on a row", "Memory map: that range's bytes in the hex view"},
            new String[] {"Double click on a bar", "Memory map: that page's bytes in the hex view"},
            new String[] {"Right click on the virtual bar", "Memory map: walk the page tables there"},
            new String[] {"Click on the minimap", "Memory map: centre the bar's view there"},
            new String[] {"Shortcut+F / F3 / Shift+F3", "Hex: find bytes / the next / the previous match"},
            new String[] {"Shortcut+C", "Hex: copy the selected bytes (hex and ASCII)"},
            new String[] {"Enter", "Xen: look up the pfn or mfn typed"},
            new String[] {"+ / − / 0, arrows, wheel", "Xen's p2m picture: zoom, pan, show all; a click looks the pfn up"});

    private HelpDialogs() {
    }

    static Alert shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts");
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            grid.addRow(row++, key(s.display()), new Label(s.does()));
        }
        for (String[] k : IN_PANES) {
            grid.addRow(row++, key(k[0]), new Label(k[1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        DialogStyle.follow(a, owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        scroll.setPrefViewportWidth(640);
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().getStylesheets().add(HelpDialogs.class.getResource("app.css").toExternalForm());
        a.show();
        return a;
    }

    /** Help → About: vmscope's version, the Java runtime, and every bundled library with its licences. */
    static Alert about(Window owner) {
        dev.vmscope.app.about.About about = dev.vmscope.app.about.About.current();
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        DialogStyle.follow(a, owner);
        a.setTitle("About vmscope");
        a.setHeaderText("vmscope " + about.version());
        Label text = new Label("A desktop explorer for kernel memory dumps: their memory map, page-table walks, "
                + "CPU registers and bytes.\n" + about.runtime().describe()
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        text.setWrapText(true);
        text.setAccessibleText("About vmscope");
        text.setPrefWidth(520);
        GridPane libraries = new GridPane();
        libraries.getStyleClass().add("shortcuts");
        int row = 0;
        for (dev.vmscope.app.about.BundledLibrary l : about.libraries()) {
            libraries.addRow(row++, key(l.name() + " " + l.version()), new Label(String.join(", ", l.licences())));
        }
        a.getDialogPane().setContent(new javafx.scene.layout.VBox(12, text, new Label("Bundled libraries and their licences:"),
                libraries));
        a.getDialogPane().getStylesheets().add(HelpDialogs.class.getResource("app.css").toExternalForm());
        a.show();
        return a;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("key");
        return l;
    }
}
