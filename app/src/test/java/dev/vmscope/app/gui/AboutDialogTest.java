package dev.vmscope.app.gui;

import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help → About names the bundled libraries with their versions and licences. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage stage;
    private final AtomicReference<Alert> about = new AtomicReference<>();

    @Start
    void start(Stage primary) {
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (about.get() != null) {
                about.get().close();
            }
            stage.close();
        });
    }

    @Test
    void listsTheBundledLibrariesAndTheirLicences(FxRobot robot) {
        robot.interact(() -> about.set(HelpDialogs.about(stage)));
        Fx.waitUntil(() -> about.get().isShowing());
        List<String> keys = Fx.texts(about.get().getDialogPane(), "key");
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("picocli")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.toLowerCase().contains("controlsfx")), keys.toString());
        robot.interact(() -> Screenshots.save(about.get().getDialogPane(), "app-about"));
    }
}
