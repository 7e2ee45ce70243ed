package dev.vmscope.views.teach;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.SampleFiles;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Teach this walk": a walk the session did (as the walk pane has it) is taught like a lesson's. */
@ExtendWith(ApplicationExtension.class)
class LessonOwnWalkTest {

    @Test
    void aSessionsWalkIsTaughtStepByStepWithoutExportsOrOpen(FxRobot robot) {
        try (Session s = Session.open(SampleFiles.locate("resources/samples/x86_64-teaching.vmcore"), OpenOptions.DEFAULT)) {
            Translation t = s.translate(0xffff888040123456L);
            Stage[] stage = new Stage[1];
            robot.interact(() -> stage[0] = TeachWindow.show(t));
            Parent root = stage[0].getScene().getRoot();
            Fx.waitUntil(() -> !Fx.texts(root, "frame-field").isEmpty());
            robot.interact(() -> {
                TeachPane p = (TeachPane) root;
                for (int i = 0; i < 2; i++) {
                    p.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                            javafx.scene.input.KeyCode.RIGHT, false, false, false, false));
                }
            });
            // SDM 4.5: PDPT[1] = 0x80000000400001e3 has PS: a 1 GiB page, bits 29:0 are the offset
            Fx.waitUntil(() -> Fx.texts(root, "frame-title").getFirst().startsWith("Step 2 of 4 · PDPT"));
            assertTrue(Fx.texts(root, "frame-leads").getFirst().startsWith("Page: 0x80000000400001e3 & 0xfffffc0000000 = 0x40000000, a 1 GiB page"),
                    Fx.texts(root, "frame-leads").toString());
            assertTrue(robot.lookup(".own-dump").queryButton().isManaged() == false);
            assertEquals(List.of(), robot.lookup(".menu-button").queryAll().stream().filter(javafx.scene.Node::isVisible).toList());
            Screenshots.save(root, "lesson-own-walk-1gib");
            robot.interact(stage[0]::close);
        }
    }
}
