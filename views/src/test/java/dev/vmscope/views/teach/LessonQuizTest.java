package dev.vmscope.views.teach;

import dev.vmscope.core.Session;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student takes the i386 lesson's first walk, {@code 0xc0101234} from CR3 = 0x1000, as a quiz: some
 * answers right, some wrong, one not a number. The expected answers are worked by hand from Intel SDM
 * vol. 3, 4.3 (32-bit paging) and the entries of {@code x86-32.spec}.
 */
@ExtendWith(ApplicationExtension.class)
class LessonQuizTest {
    private final Preferences node = Preferences.userRoot().node("dev/vmscope/tests/lesson-quiz-" + ProcessHandle.current().pid());
    private Session session;
    private TeachModel model;
    private TeachPane pane;

    @Start
    void start(Stage stage) {
        Lesson lesson = Lessons.lesson("x86-32");
        session = Lessons.open(lesson);
        model = new TeachModel(session, lesson, Lessons.text(lesson.text()), new ScoreBook(node));
        pane = new TeachPane(model, TeachActions.NONE);
        stage.setScene(new Scene(pane, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() throws BackingStoreException {
        session.close();
        node.removeNode();
    }

    private void answer(FxRobot robot, String text) {
        robot.clickOn(".quiz-answer").write(text).type(KeyCode.ENTER);
        Fx.waitUntil(() -> true);
    }

    private String feedback() {
        return Fx.texts(pane, "quiz-feedback").getFirst();
    }

    private boolean nextEnabled(FxRobot robot) {
        return !robot.lookup(".teach-next").queryAs(Button.class).isDisabled();
    }

    @Test
    void firstWalkAsAQuizScoresRightAndWrongAnswersAndExplainsTheWrongOnes(FxRobot robot) {
        Fx.waitUntil(() -> model.current().isPresent());
        robot.clickOn(".quiz-toggle");
        Screenshots.save(pane, "lesson-quiz-0-address");
        assertEquals(List.of("index ?", "index ?", "0x234"), Fx.texts(pane, "teach-field-value"), "indexes hidden in a quiz");

        robot.clickOn(".teach-next"); // the page directory
        Fx.waitUntil(() -> Fx.texts(pane, "quiz-prompt").getFirst().startsWith("Which index into the PD"));
        assertFalse(nextEnabled(robot), "Next waits for the answer");
        assertEquals(List.of("Answer the question below to see this step."), Fx.texts(pane, "hint"));

        // 4.3: the PDE is selected by VA bits 31:22: 0xc0101234 >> 22 = 0x300 = 768 (in hex with 0x: right)
        answer(robot, "0x300");
        assertEquals("Right: bits 31:22 of 0xc0101234 = 1100000000 = 768", feedback());
        // PDE address = CR3[31:12] + 4 × 768 = 0x1000 + 0xc00 = 0x1c00; 0x1300 is wrong
        answer(robot, "0x1300");
        assertEquals("Not quite: you wrote 0x1300, the walk gives 0x1c00. 0x1000 + 768 × 4 = 0x1c00", feedback());
        Screenshots.save(pane, "lesson-quiz-1-wrong-entry-address");
        // not a number: explained, not counted
        answer(robot, "kernel");
        assertEquals("not a hexadecimal number: 'kernel'", feedback());
        // PD[768] = 0x2063: bits 31:12 give the page table at 0x2000 (typed without 0x)
        answer(robot, "2000");
        assertEquals("Right: 0x2063 & 0xfffff000 = 0x2000", feedback());
        assertTrue(nextEnabled(robot));
        assertEquals(List.of("Index: bits 31:22 of 0xc0101234 = 1100000000 = 768"), Fx.texts(pane, "frame-index"));
        Screenshots.save(pane, "lesson-quiz-2-pd-revealed");

        robot.type(KeyCode.RIGHT); // the page table
        Fx.waitUntil(() -> Fx.texts(pane, "quiz-prompt").getFirst().startsWith("Which index into the PT"));
        // the PTE is selected by VA bits 21:12: (0xc0101234 >> 12) & 0x3ff = 0x101 = 257
        answer(robot, "257");
        // PTE address = 0x2000 + 4 × 257 = 0x2404
        answer(robot, "0x2404");
        // PT[257] = 0x5163: page frame 0x5000, plus the offset bits 11:0 = 0x234; 0x5000 forgets the offset
        answer(robot, "0x5000");
        assertEquals("Not quite: you wrote 0x5000, the walk gives 0x5234. 0x5163 & 0xfffff000 = 0x5000; 0x5000 + offset 0x234 = 0x5234",
                feedback());
        Screenshots.save(pane, "lesson-quiz-3-wrong-physical");

        robot.type(KeyCode.SPACE); // the outcome
        Fx.waitUntil(() -> !Fx.texts(pane, "frame-outcome").isEmpty());
        assertEquals(List.of("0xc0101234 → 0x5234, in a 4 KiB page; access over every level: writable, kernel only, executable (rw kernel x)"),
                Fx.texts(pane, "frame-outcome"));
        assertEquals(new ScoreBook.Score(4, 6), model.runProperty().get());
        assertEquals(new ScoreBook.Score(4, 6), new ScoreBook(node).of("x86-32"), "kept in the preferences");
        assertEquals(List.of("Score: 4 / 6 this time · 4 / 6 in all"), Fx.texts(pane, "teach-score"));
        Screenshots.save(pane, "lesson-quiz-4-outcome");
    }
}
