package dev.vmscope.app.gui;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File → Attach to this machine, over the corpus machine as a fake root (the live code's own test
 * machine): the LIVE badge, F5, and a refusal in the kernel's words.
 */
@ExtendWith(ApplicationExtension.class)
class LiveAttachTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/vmscope/test/" + UUID.randomUUID());
    private Function<String, Session> machine = FakeMachine::open;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, prefs, new Source.Bundled("/dev/vmscope/no-such-sample.vmcore"), s -> machine.apply(s));
        window.start(List.of());
    }

    @AfterEach
    void forget(FxRobot robot) throws BackingStoreException {
        robot.interact(stage::hide);
        prefs.removeNode();
    }

    @Test
    void aLiveSourceCarriesTheBadgeAndF5ReadsTheShownPaneAgain(FxRobot robot) {
        robot.interact(() -> window.attach("/proc/kcore"));
        Fx.waitUntil(() -> window.model().selectedProperty().get() != null);
        Parent root = stage.getScene().getRoot();
        assertTrue(window.model().selectedProperty().get().live());
        assertTrue(robot.lookup(".status-live").queryAs(Label.class).isVisible());
        javafx.scene.control.Tab tab = ((javafx.scene.control.TabPane) root.lookup("#documents")).getTabs().getFirst();
        assertEquals("/proc/kcore", tab.getText());
        assertTrue(tab.getGraphic() instanceof Label l && l.getText().equals("LIVE") && l.getStyleClass().contains("live-badge"),
                "the tab has the badge");
        long at = window.model().sessionProperty().get().memory().ranges().stream()
                .filter(r -> r.kind() == dev.vmscope.core.io.RangeKind.RAM).findFirst().orElseThrow().start() + 0x1040;
        Space space = window.model().sessionProperty().get().memory().space();
        robot.interact(() -> window.explorer().orElseThrow().showHex(space, at));
        Fx.waitUntil(() -> Fx.texts(root, "hex-address").contains(Hex.of(at & -16)));
        Node before = robot.lookup(".hex-pane").query();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        Node after = robot.lookup(".hex-pane").query();
        assertNotSame(before, after, "F5 builds the pane again over fresh reads");
        assertEquals(Page.HEX, window.explorer().orElseThrow().shown());
        Fx.waitUntil(() -> Fx.texts(root, "hex-address").contains(Hex.of(at & -16)));
        Screenshots.save(root, "app-live");
    }

    @Test
    void waitingForTheReaderShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch password = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        machine = s -> {
            try {
                password.await();
                return FakeMachine.open(s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the password", e);
            } finally {
                finished.countDown();
            }
        };
        robot.interact(() -> window.attach("live"));
        org.controlsfx.control.StatusBar bar = (org.controlsfx.control.StatusBar) stage.getScene().getRoot().lookup(".status");
        Fx.waitUntil(() -> bar.getText().startsWith("Waiting for the reader of live"));
        assertTrue(robot.lookup(".status-cancel").queryButton().isVisible());
        Screenshots.save(stage.getScene().getRoot(), "app-live-waiting");
        robot.clickOn(".status-cancel");
        assertEquals("No dump open", bar.getText());
        assertTrue(finished.await(10, java.util.concurrent.TimeUnit.SECONDS), "Cancel interrupts the wait for the reader");
        robot.interact(() -> {
        });
        assertTrue(window.model().documents().isEmpty(), "a cancelled opening adds no tab");
        assertTrue(window.lastDialog().isEmpty(), "and is no error");
    }

    @Test
    void aRefusalIsExplainedInTheSourcesOwnWords(FxRobot robot) {
        machine = FakeMachine::locked;
        robot.interact(() -> window.attach("/proc/kcore"));
        Fx.waitUntil(() -> window.lastDialog().map(Alert::isShowing).orElse(false));
        Alert alert = window.lastDialog().orElseThrow();
        String message = Fx.nodes(alert.getDialogPane()).filter(n -> n instanceof TextArea).map(n -> ((TextArea) n).getText())
                .findFirst().orElseThrow();
        assertTrue(alert.getHeaderText().startsWith("Cannot open /proc/kcore"), alert.getHeaderText());
        assertTrue(message.contains("locked down in confidentiality mode"), message);
        assertTrue(window.model().documents().isEmpty());
        Screenshots.save(alert.getDialogPane(), "app-live-refused");
        robot.interact(alert::close);
    }
}
