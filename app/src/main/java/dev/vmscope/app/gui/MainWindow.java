package dev.vmscope.app.gui;

import dev.vmscope.core.Session;
import dev.vmscope.views.explorer.ExplorerPane;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.fx.Stylesheets;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The main window: menus, the explorer over the open dump (or the start page), the status bar.
 * Opens files from the menu, the recent list, the command line and drag-and-drop; a source that
 * cannot be opened is explained in a dialog.
 */
public final class MainWindow implements Commands {
    private final Stage stage;
    private final RecentFiles recent;
    private final Source.Bundled sample;
    private final WindowModel model = new WindowModel();
    private final BorderPane root = new BorderPane();
    private ExplorerPane explorer;
    private Alert dialog;

    /**
     * @param sample the teaching sample to open when started with no argument
     */
    public MainWindow(Stage stage, RecentFiles recent, Source.Bundled sample) {
        this.stage = stage;
        this.recent = recent;
        this.sample = sample;
        root.getStyleClass().add("main-window");
        MenuBar menus = AppMenus.of(this, recent, model.openProperty(), sample.present());
        root.setTop(menus);
        root.setBottom(new StatusView(model).node());
        model.sessionProperty().subscribe(this::show);
        DropSupport.install(root, this::open);
        Scene scene = new Scene(root, 1280, 860);
        scene.getStylesheets().addAll(Stylesheets.THEME, MainWindow.class.getResource("app.css").toExternalForm());
        AcceleratorFilter.install(scene, menus);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.setOnHidden(e -> model.close());
    }

    /** Starts as the command line says: no argument opens the teaching sample, one path opens that. */
    public void start(List<String> args) {
        stage.show();
        if (args.isEmpty()) {
            if (sample.present()) {
                openSample();
            }
        } else {
            open(Path.of(args.getLast()));
        }
    }

    private void show(Session s) {
        String name = model.sourceProperty().get() == null ? "" : model.sourceProperty().get().name();
        stage.setTitle(s == null ? "vmscope" : "vmscope — " + name);
        if (s == null) {
            explorer = null;
            root.setCenter(new StartPage(this, recent.list(), sample.present() ? ""
                    : "The teaching sample is not part of this build: open a dump of your own."));
        } else {
            explorer = new ExplorerPane(s);
            root.setCenter(explorer);
        }
    }

    private void open(Source s, Path remember) {
        model.open(s, opened -> {
            if (remember != null) {
                recent.add(remember);
            }
        }, failure -> dialog = ErrorDialog.show(stage, s.name(), Problem.of(failure)));
    }

    @Override
    public void open(Path path) {
        open(new Source.File(path), path);
    }

    @Override
    public void openSample() {
        open(sample, null);
    }

    @Override
    public void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a dump");
        recent.list().stream().map(Path::getParent).filter(p -> p != null && Files.isDirectory(p)).findFirst()
                .ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    @Override
    public void closeSession() {
        model.close();
    }

    @Override
    public void quit() {
        stage.close();
        Platform.exit();
    }

    @Override
    public void show(Page page) {
        if (explorer != null) {
            explorer.show(page);
        }
    }

    @Override
    public void walk() {
        if (explorer != null) {
            explorer.focusWalk();
        }
    }

    @Override
    public void hex() {
        if (explorer != null) {
            explorer.focusHex();
        }
    }

    @Override
    public void showShortcuts() {
        dialog = HelpDialogs.shortcuts(stage);
    }

    @Override
    public void showAbout() {
        dialog = HelpDialogs.about(stage);
    }

    public WindowModel model() {
        return model;
    }

    /** The explorer over the open dump, when one is open. */
    public Optional<ExplorerPane> explorer() {
        return Optional.ofNullable(explorer);
    }

    /** The dialog shown last (an error, the shortcuts, about), if any. */
    public Optional<Alert> lastDialog() {
        return Optional.ofNullable(dialog);
    }
}
