package dev.vmscope.app.gui.lessons;

import dev.vmscope.views.teach.Lesson;
import dev.vmscope.views.teach.ScoreBook;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled lessons, from the class path as the program carries them, opened the way the Lessons menu opens them. */
@ExtendWith(ApplicationExtension.class)
class LessonLauncherTest {
    private final Preferences node = Preferences.userRoot().node("dev/vmscope/tests/lesson-launcher-" + ProcessHandle.current().pid());
    private final List<String> openDumpClicks = new ArrayList<>();
    private LessonWindow window;

    @AfterEach
    void close(FxRobot robot) throws BackingStoreException {
        if (window != null && window.stage() != null) {
            robot.interact(() -> window.stage().close());
        }
        node.removeNode();
    }

    @Test
    void theMenuListsEveryBundledLessonInCourseOrder(FxRobot robot) {
        assertTrue(LessonCatalog.bundled().present());
        List<String> titles = new ArrayList<>();
        robot.interact(() -> {
            Menu m = LessonsMenu.of(new LessonLauncher(LessonCatalog.bundled(), () -> { }));
            m.getItems().forEach(i -> titles.add(i.getText()));
        });
        assertEquals(List.of("i386: two levels of 1024 entries", "i386 PAE: four pointers, then 512-entry tables",
                "x86-64: four levels of 512 entries", "x86-64 with 5-level paging (LA57)", "AArch64: 4 KiB granule, 48-bit addresses",
                "ARMv7 LPAE: long descriptors on a 32-bit CPU", "Xen: a PV guest's p2m tree (pfn to mfn)"), titles);
    }

    /** A new student: opens the first lesson, walks its first address to the end, then asks for their own dump. */
    @Test
    void aStudentTakesTheFirstWalkOfTheFirstLesson(FxRobot robot) {
        Lesson first = LessonCatalog.bundled().lessons().getFirst();
        window = new LessonWindow(LessonCatalog.bundled(), () -> openDumpClicks.add("open"), new ScoreBook(node));
        robot.interact(() -> window.open(first));
        Fx.waitUntil(() -> window.stage() != null && window.stage().isShowing());
        Parent root = window.stage().getScene().getRoot();
        Fx.waitUntil(() -> !Fx.texts(root, "frame-field").isEmpty());
        Screenshots.save(root, "lesson-student-0-start");
        robot.clickOn(".teach-next");
        robot.type(KeyCode.RIGHT);
        Fx.waitUntil(() -> Fx.texts(root, "frame-title").getFirst().startsWith("Step 2 of 2"));
        Screenshots.save(root, "lesson-student-1-pt");
        robot.type(KeyCode.RIGHT);
        Fx.waitUntil(() -> !Fx.texts(root, "frame-outcome").isEmpty());
        assertTrue(Fx.texts(root, "frame-outcome").getFirst().startsWith("0xc0101234 → 0x5234"));
        Screenshots.save(root, "lesson-student-2-outcome");
        robot.clickOn(".own-dump");
        assertEquals(List.of("open"), openDumpClicks);
    }
}
