package dev.vmscope.app.gui;

import dev.vmscope.app.gui.lessons.LessonCatalog;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.kdump.FlattenedWriter;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.teach.Lesson;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window opening the corpus dump, a damaged file, and nothing at all. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/vmscope/test/" + UUID.randomUUID());
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, prefs, new Source.Bundled("/dev/vmscope/no-such-sample.vmcore"), FakeMachine::open);
        window.start(List.of());
    }

    @AfterEach
    void forget(FxRobot robot) throws BackingStoreException {
        robot.interact(stage::hide);
        prefs.removeNode();
    }

    private Session openCorpus(FxRobot robot) {
        Path dump = Corpus.dump(CorpusSession.SET, CorpusSession.DUMP);
        robot.interact(() -> window.open(dump));
        Fx.waitUntil(() -> window.model().sessionProperty().get() != null);
        return window.model().sessionProperty().get();
    }

    @Test
    void withoutTheSampleTheStartPageOffersToOpenADump(FxRobot robot) {
        Button open = robot.lookup(".start-open").queryButton();
        assertEquals("Open a dump…", open.getText());
        assertEquals("No dump open", statusText());
        Screenshots.save(stage.getScene().getRoot(), "app-start-page");
    }

    @Test
    void theWindowCarriesVmscopesIconInEverySize() {
        assertEquals(List.of(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0),
                stage.getIcons().stream().map(javafx.scene.image.Image::getWidth).toList());
    }

    @Test
    void theStartPageListsTheLessonsAndOpensOneInItsOwnWindow(FxRobot robot) {
        List<Lesson> lessons = LessonCatalog.bundled().lessons();
        List<Hyperlink> links = robot.lookup(".start-lessons .hyperlink").queryAllAs(Hyperlink.class).stream().toList();
        assertEquals(lessons.stream().map(Lesson::title).toList(), links.stream().map(Hyperlink::getText).toList());
        robot.interact(() -> links.getFirst().fire());
        Fx.waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w != stage && w.isShowing()));
        Stage lesson = (Stage) robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        assertTrue(lesson.getTitle().contains(lessons.getFirst().title()), lesson.getTitle());
        robot.interact(lesson::close);
    }

    @Test
    void onlyAFlattenedKdumpOffersToBeExportedAsACompressedKdump(FxRobot robot, @TempDir Path dir) throws IOException {
        MenuItem export = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().getFirst().getItems().stream()
                .filter(i -> "Export as Compressed _Kdump…".equals(i.getText())).findFirst().orElseThrow();
        assertTrue(export.isDisable(), "no dump open");
        openCorpus(robot);
        assertTrue(export.isDisable(), "an ELF vmcore");
        byte[] kdump = Files.readAllBytes(Corpus.dump(CorpusSession.SET, "vmcore-qemu.kdump-zlib"));
        Path flat = Files.write(dir.resolve("qemu.flat"), FlattenedWriter.flatten(kdump, 1 << 20, "forward", 0));
        robot.interact(() -> window.open(flat));
        Fx.waitUntil(() -> window.model().sessionProperty().get().dump().source().equals(flat.toString()));
        assertFalse(export.isDisable(), "a flattened compressed kdump");
    }

    private String statusText() {
        return ((org.controlsfx.control.StatusBar) stage.getScene().getRoot().lookup(".status")).getText();
    }

    @Test
    void openingTheCorpusDumpFillsTheStatusBarAndTheRecentList(FxRobot robot) {
        Path dump = Corpus.dump(CorpusSession.SET, CorpusSession.DUMP);
        openCorpus(robot);
        Parent root = stage.getScene().getRoot();
        assertEquals(List.of("elf-qemu"), Fx.texts(root, "status-format"));
        assertEquals(List.of("x86_64"), Fx.texts(root, "status-architecture"));
        assertEquals(List.of("x86_64-4level"), Fx.texts(root, "status-paging"));
        assertEquals(dump.toString(), statusText());
        assertEquals("vmscope — " + dump, stage.getTitle());
        assertEquals(List.of(dump.toAbsolutePath().normalize()), new RecentFiles(prefs).list());
        robot.interact(() -> window.show(Page.MEMORY_MAP));
        Screenshots.save(root, "app-window");
    }

    @Test
    void ctrlGAndCtrlHGoToTheWalkAndHexFields(FxRobot robot) {
        openCorpus(robot);
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        assertEquals(Page.WALK, window.explorer().orElseThrow().shown());
        TextField address = robot.lookup(".address-field").queryAs(TextField.class);
        assertTrue(address.isFocused());
        robot.write("ffffffff8f000000").type(KeyCode.ENTER);
        Fx.waitUntil(() -> !Fx.texts(stage.getScene().getRoot(), "result-physical").isEmpty());
        Screenshots.save(stage.getScene().getRoot(), "app-walk");
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        assertEquals(Page.HEX, window.explorer().orElseThrow().shown());
        assertTrue(robot.lookup(".goto-field").queryAs(TextField.class).isFocused());
    }

    @Test
    void aDamagedFileIsExplainedWithItsNameAndOffset(FxRobot robot, @TempDir Path dir) throws IOException {
        Path bad = dir.resolve("damaged.vmcore");
        byte[] head;
        try (InputStream in = Files.newInputStream(Corpus.dump(CorpusSession.SET, CorpusSession.DUMP))) {
            head = in.readNBytes(4096);
        }
        head[16] = 1; // e_type (ELF spec: 2 bytes at offset 16) from ET_CORE (4) to ET_REL (1)
        head[17] = 0;
        Files.write(bad, head);
        robot.interact(() -> window.open(bad));
        Fx.waitUntil(() -> window.lastDialog().map(Alert::isShowing).orElse(false));
        Alert alert = window.lastDialog().orElseThrow();
        Parent pane = alert.getDialogPane();
        String message = Fx.nodes(pane).filter(n -> n instanceof TextArea).map(n -> ((TextArea) n).getText())
                .findFirst().orElseThrow();
        assertTrue(message.contains(bad.toString()), message);
        assertTrue(message.contains("offset 0x10"), message);
        assertTrue(message.contains("ET_CORE"), message);
        assertEquals(List.of(bad.toString()), Fx.texts(pane, "error-file"));
        assertEquals(List.of("0x10"), Fx.texts(pane, "error-offset"));
        assertTrue(alert.getHeaderText().startsWith("Cannot open " + bad));
        assertTrue(Fx.nodes(pane).noneMatch(n -> n instanceof TextArea t && t.getText().contains("\tat ")), "no stack trace");
        assertTrue(window.model().sessionProperty().get() == null);
        Screenshots.save(pane, "app-error-dialog");
        robot.interact(alert::close);
    }

    @Test
    void f1ListsTheShortcuts(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        Fx.waitUntil(() -> window.lastDialog().map(Alert::isShowing).orElse(false));
        Parent pane = window.lastDialog().orElseThrow().getDialogPane();
        List<String> keys = Fx.texts(pane, "key");
        assertTrue(keys.contains("Ctrl+G") && keys.contains("Ctrl+H") && keys.contains("Ctrl+O"), keys.toString());
        Screenshots.save(pane, "app-shortcuts");
        robot.interact(() -> window.lastDialog().orElseThrow().close());
    }

    @Test
    void aMissingFileIsExplained(FxRobot robot, @TempDir Path dir) {
        Path missing = dir.resolve("nothing-here.vmcore");
        robot.interact(() -> window.open(missing));
        Fx.waitUntil(() -> window.lastDialog().map(Alert::isShowing).orElse(false));
        Parent pane = window.lastDialog().orElseThrow().getDialogPane();
        String message = Fx.nodes(pane).filter(n -> n instanceof TextArea).map(n -> ((TextArea) n).getText())
                .findFirst().orElseThrow();
        assertTrue(message.contains(missing.toString()) && message.contains("no such file"), message);
        Screenshots.save(pane, "app-missing-file-dialog");
        robot.interact(() -> window.lastDialog().orElseThrow().close());
    }
}
