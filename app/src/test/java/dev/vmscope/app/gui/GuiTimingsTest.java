package dev.vmscope.app.gui;

import dev.vmscope.core.testing.Corpus;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.testing.Fx;
import elf4j.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A harness, not a benchmark with limits: times the main window over the largest corpus dump (the
 * Xen host's 603 MB ELF) from the open to the first frame drawn with its tab, and from asking for a
 * walk to its result, and logs them (and writes them to {@code target/timings/gui.txt}) for
 * docs/performance.md. Nothing here asserts a time.
 */
@ExtendWith(ApplicationExtension.class)
class GuiTimingsTest {
    private static final Logger LOG = Logger.instance();
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

    @Test
    void openToFirstPaintAndToAWalkResultOnTheXenHostDump(FxRobot robot) throws Exception {
        Path dump = Corpus.dump("xen", "x1-xen-kdump.vmcore");
        long start = System.nanoTime();
        robot.interact(() -> window.open(dump));
        Fx.waitUntil(() -> window.model().selectedProperty().get() != null);
        long shown = System.nanoTime();
        long painted = nextPulse();
        // README: dom0's _text ffffffff81000000 is machine 0x11000000
        long walkStart = System.nanoTime();
        robot.interact(() -> {
            window.show(Page.WALK);
            window.explorer().orElseThrow().walk(0xffffffff81000000L);
        });
        Fx.waitUntil(() -> !Fx.texts(stage.getScene().getRoot(), "result-physical").isEmpty());
        long walked = nextPulse();
        assertTrue(String.join(" ", Fx.texts(stage.getScene().getRoot(), "result-physical")).contains("0x11000000"),
                Fx.texts(stage.getScene().getRoot(), "result-physical").toString());
        String report = String.format("dump %s (%d MB)%nopen to tab shown: %d ms%nopen to first paint: %d ms%nwalk to result painted: %d ms%n",
                dump.getFileName(), Files.size(dump) / 1_000_000, ms(shown - start), ms(painted - start), ms(walked - walkStart));
        LOG.atInfo().log("GUI timings: {}", report);
        write(report);
    }

    /** Waits for the next frame to be laid out and drawn and says when it was. */
    private long nextPulse() throws InterruptedException {
        CountDownLatch drawn = new CountDownLatch(1);
        long[] at = new long[1];
        Runnable listener = () -> {
            if (drawn.getCount() > 0) {
                at[0] = System.nanoTime();
                drawn.countDown();
            }
        };
        Platform.runLater(() -> {
            stage.getScene().addPostLayoutPulseListener(listener);
            Platform.requestNextPulse();
        });
        assertTrue(drawn.await(30, TimeUnit.SECONDS), "a frame is drawn");
        Platform.runLater(() -> stage.getScene().removePostLayoutPulseListener(listener));
        return at[0];
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void write(String report) throws IOException {
        Path out = Path.of("target", "timings", "gui.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
