package dev.vmscope.app.gui;

import dev.vmscope.core.testing.Corpus;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several dumps in tabs of one window, the keys between them, the theme and what the window remembers. */
@ExtendWith(ApplicationExtension.class)
class WindowTabsTest {
    private static final Path QEMU = Corpus.dump(CorpusSession.SET, CorpusSession.DUMP);
    private static final Path XEN = Corpus.dump("xen", "x1-xen-kdump.vmcore");
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

    private void open(FxRobot robot, Path dump) {
        int before = window.model().documents().size();
        robot.interact(() -> window.open(dump));
        Fx.waitUntil(() -> window.model().documents().size() == before + 1);
        robot.interact(() -> {
        });
        assertEquals(window.model().documents().getLast(), window.model().selectedProperty().get(), "the new dump is selected");
    }

    private String status() {
        return ((StatusBar) stage.getScene().getRoot().lookup(".status")).getText();
    }

    private TabPane tabs(FxRobot robot) {
        return (TabPane) stage.getScene().getRoot().lookup("#documents");
    }

    @Test
    void eachDumpHasItsTabAndTheStatusBarFollowsTheSelectedOne(FxRobot robot) {
        open(robot, QEMU);
        open(robot, XEN);
        assertEquals(List.of("vmcore-qemu.elf", "x1-xen-kdump.vmcore"), tabs(robot).getTabs().stream().map(Tab::getText).toList());
        assertEquals(XEN.toString(), status());
        assertEquals("vmscope — " + XEN, stage.getTitle());
        assertTrue(window.explorer().orElseThrow().has(Page.XEN), "a Xen host's dump has the Xen page");
        Screenshots.save(stage.getScene().getRoot(), "app-two-dumps");
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertEquals(QEMU.toString(), status());
        assertEquals(List.of("x86_64-4level"), Fx.texts(stage.getScene().getRoot(), "status-paging"));
        assertFalse(window.explorer().orElseThrow().has(Page.XEN), "the QEMU dump has no Xen page");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(XEN.toString(), status());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        assertEquals(List.of("vmcore-qemu.elf"), tabs(robot).getTabs().stream().map(Tab::getText).toList());
        assertEquals(QEMU.toString(), status());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        assertEquals("No dump open", status());
        assertTrue(robot.lookup(".start-open").tryQuery().isPresent(), "the start page is back");
    }

    @Test
    void theDarkThemeIsRememberedAndEveryPaneFollowsIt(FxRobot robot) {
        open(robot, QEMU);
        robot.interact(() -> window.show(Page.MEMORY_MAP));
        Screenshots.save(stage.getScene().getRoot(), "app-light");
        robot.interact(() -> window.themeProperty().set(Theme.DARK));
        assertTrue(stage.getScene().getStylesheets().contains(Stylesheets.DARK));
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("theme-dark"));
        assertEquals(Theme.DARK, new WindowPrefs(prefs).theme());
        Screenshots.save(stage.getScene().getRoot(), "app-dark-map");
        robot.interact(() -> window.show(Page.INFO));
        Screenshots.save(stage.getScene().getRoot(), "app-dark-info");
        robot.interact(() -> window.show(Page.HEX));
        Screenshots.save(stage.getScene().getRoot(), "app-dark-hex");
        robot.interact(() -> window.show(Page.WALK));
        robot.interact(() -> robot.lookup(".hyperlink").queryAllAs(javafx.scene.control.Hyperlink.class).stream()
                .filter(l -> l.getText().startsWith("_stext")).findFirst().orElseThrow().fire());
        Fx.waitUntil(() -> robot.lookup(".outcome-card").tryQuery().isPresent());
        Screenshots.save(stage.getScene().getRoot(), "app-dark-walk");
        robot.interact(() -> window.show(Page.REGISTERS));
        Screenshots.save(stage.getScene().getRoot(), "app-dark-registers");
        robot.interact(() -> window.themeProperty().set(Theme.LIGHT));
        assertFalse(stage.getScene().getStylesheets().contains(Stylesheets.DARK));
        assertEquals(Theme.LIGHT, new WindowPrefs(prefs).theme());
    }

    @Test
    void theWindowRemembersItsPlaceAndThePageShown(FxRobot robot) {
        open(robot, QEMU);
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(720);
            window.show(Page.REGISTERS);
        });
        assertEquals(Page.REGISTERS, new WindowPrefs(prefs).page());
        open(robot, XEN);
        assertEquals(Page.REGISTERS, window.explorer().orElseThrow().shown(), "a new tab opens on the page shown last");
        robot.interact(stage::hide);
        assertEquals(1100, prefs.getDouble("window.width", 0));
        assertEquals(720, prefs.getDouble("window.height", 0));
        assertEquals(40, prefs.getDouble("window.x", 0));
        assertFalse(prefs.getBoolean("window.maximized", true));
        robot.interact(() -> {
            Stage next = new Stage();
            new WindowPrefs(prefs).restore(next);
            assertEquals(1100, next.getWidth());
            assertEquals(720, next.getHeight());
        });
    }
}
