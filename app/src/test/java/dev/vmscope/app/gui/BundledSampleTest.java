package dev.vmscope.app.gui;

import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Started with no argument, the window opens the bundled sample from the class path, in memory. */
@ExtendWith(ApplicationExtension.class)
class BundledSampleTest {
    private static final String RESOURCE = "/dev/vmscope/app/gui/tiny-teaching.vmcore";
    private static Path written;
    private static final Preferences PREFS = Preferences.userRoot().node("dev/vmscope/test/" + UUID.randomUUID());
    private MainWindow window;
    private Stage stage;

    /** Puts the tiny core on the test class path, where the window looks for its sample. */
    @BeforeAll
    static void bundle() throws IOException, URISyntaxException {
        Path classes = Path.of(BundledSampleTest.class.getResource("/").toURI());
        written = classes.resolve(RESOURCE.substring(1));
        Files.createDirectories(written.getParent());
        Files.write(written, TinyCore.bytes());
    }

    @AfterAll
    static void unbundle() throws IOException, BackingStoreException {
        Files.deleteIfExists(written);
        PREFS.removeNode();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, PREFS, new Source.Bundled(RESOURCE), source -> { throw new IllegalStateException("no live source in this test"); });
        window.start(List.of());
    }

    @Test
    void noArgumentOpensTheSampleAndItsBytesShow(FxRobot robot) {
        Fx.waitUntil(() -> window.model().sessionProperty().get() != null);
        Parent root = stage.getScene().getRoot();
        assertEquals("vmscope — tiny-teaching.vmcore (bundled sample)", stage.getTitle());
        assertEquals(List.of("elf-kdump"), Fx.texts(root, "status-format"));
        assertEquals(List.of("no paging known"), Fx.texts(root, "status-paging"));
        assertEquals(List.of(), new RecentFiles(PREFS).list(), "the sample is not a recent file");
        robot.interact(() -> window.explorer().orElseThrow().showHex(dev.vmscope.core.io.Space.PHYSICAL, 0x10));
        Fx.waitUntil(() -> Fx.texts(root, "hex-address").contains("0x10"));
        String ascii = String.join("", Fx.texts(root, "hex-ascii").subList(16, 32));
        assertEquals(TinyCore.TEXT, ascii);
        robot.interact(() -> window.show(Page.WALK));
        assertTrue(Fx.texts(root, "placeholder-text").getFirst().startsWith("Page-table walks are not available"));
        Screenshots.save(root, "app-bundled-sample-walk");
    }
}
