package dev.vmscope.app.gui;

import dev.vmscope.app.gui.lessons.LessonCatalog;
import dev.vmscope.app.gui.lessons.LessonLauncher;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.convert.DumpConverter;
import dev.vmscope.views.explorer.ExplorerPane;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.fx.Stylesheets;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
import java.util.function.Function;
import java.util.prefs.Preferences;

/**
 * The main window: menus, one tab per open source (each an explorer over its session) or the start
 * page, the status bar of the tab selected. Opens files from the menu, the recent list, the command
 * line and drag-and-drop, and this machine's memory through the privileged reader; a source that
 * cannot be opened is explained in a dialog. Remembers its place, the page shown and the theme.
 */
public final class MainWindow implements Commands {
    private final Stage stage;
    private final RecentFiles recent;
    private final WindowPrefs prefs;
    private final Source.Bundled sample;
    private final Function<String, Session> liveOpener;
    private final WindowModel model = new WindowModel();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final BorderPane root = new BorderPane();
    private final DocumentTabs tabs;
    private Alert dialog;
    private final LessonLauncher lessons;

    /**
     * @param prefs      where the recent files, the window's place, the page and the theme are kept
     * @param sample     the teaching sample to open when started with no argument
     * @param liveOpener opens a live source by name (through the privileged reader in the program)
     */
    public MainWindow(Stage stage, Preferences prefs, Source.Bundled sample, Function<String, Session> liveOpener) {
        this.stage = stage;
        WindowIcons.apply(stage);
        this.recent = new RecentFiles(prefs);
        this.prefs = new WindowPrefs(prefs);
        this.sample = sample;
        this.liveOpener = liveOpener;
        root.getStyleClass().add("main-window");
        tabs = new DocumentTabs(model, this.prefs::page, this.prefs::page);
        theme.set(this.prefs.theme());
        lessons = new LessonLauncher(LessonCatalog.bundled(), this::chooseAndOpen);
        BooleanBinding flattenedKdump = Bindings.createBooleanBinding(() -> model.sessionProperty().get() != null
                && DumpConverter.canWriteBackAsKdump(model.sessionProperty().get().dump()), model.sessionProperty());
        MenuBar menus = AppMenus.of(this, recent, model.openProperty(), flattenedKdump, sample.present(), lessons, theme);
        root.setTop(menus);
        root.setBottom(new StatusView(model).node());
        model.selectedProperty().subscribe(this::show);
        model.documents().addListener((javafx.collections.ListChangeListener<Document>) c -> show(model.selectedProperty().get()));
        DropSupport.install(root, this::open);
        Scene scene = new Scene(root, 1280, 860);
        scene.getStylesheets().addAll(Stylesheets.THEME, MainWindow.class.getResource("app.css").toExternalForm());
        theme.subscribe(t -> {
            t.apply(scene);
            this.prefs.theme(t);
        });
        AcceleratorFilter.install(scene, menus);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        this.prefs.restore(stage);
        stage.setOnHiding(e -> this.prefs.save(stage));
        stage.setOnHidden(e -> model.closeAll());
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

    private void show(Document d) {
        stage.setTitle(d == null ? "vmscope" : "vmscope — " + d.source().name());
        if (model.documents().isEmpty()) {
            root.setCenter(new StartPage(this, recent.list(), lessons, sample.present() ? ""
                    : "The teaching sample is not part of this build: open a dump of your own."));
        } else if (root.getCenter() != tabs.node()) {
            root.setCenter(tabs.node());
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
    public void attachLive() {
        AttachDialog.ask(stage).ifPresent(this::attach);
    }

    /** Opens this machine's memory through {@code source} ({@code live}, {@code /proc/kcore}, …). */
    public void attach(String source) {
        open(new Source.Live(source, liveOpener), null);
    }

    @Override
    public void cancelOpening() {
        model.cancelOpening();
    }

    @Override
    public void closeSession() {
        model.close();
    }

    @Override
    public void cycleDocuments(int step) {
        model.cycle(step);
    }

    @Override
    public void refresh() {
        explorer().ifPresent(ExplorerPane::refresh);
    }

    @Override
    public void quit() {
        stage.close();
        Platform.exit();
    }

    @Override
    public void show(Page page) {
        explorer().ifPresent(e -> e.show(page));
    }

    @Override
    public void walk() {
        explorer().ifPresent(ExplorerPane::focusWalk);
    }

    @Override
    public void hex() {
        explorer().ifPresent(ExplorerPane::focusHex);
    }

    @Override
    public void showShortcuts() {
        dialog = HelpDialogs.shortcuts(stage);
    }

    @Override
    public void exportAsElf() {
        Session session = model.sessionProperty().get();
        if (session != null) {
            ExportDump.ask(stage, session, ExportDump.Kind.ELF, shown -> dialog = shown);
        }
    }

    @Override
    public void exportAsKdump() {
        Session session = model.sessionProperty().get();
        if (session != null && DumpConverter.canWriteBackAsKdump(session.dump())) {
            ExportDump.ask(stage, session, ExportDump.Kind.KDUMP, shown -> dialog = shown);
        }
    }

    @Override
    public void showAbout() {
        dialog = HelpDialogs.about(stage);
    }

    public WindowModel model() {
        return model;
    }

    /** The theme on; the View menu sets it. */
    ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The explorer of the selected tab, when a dump is open. */
    public Optional<ExplorerPane> explorer() {
        return tabs.explorer();
    }

    /** The dialog shown last (an error, the shortcuts, about), if any. */
    public Optional<Alert> lastDialog() {
        return Optional.ofNullable(dialog);
    }
}
