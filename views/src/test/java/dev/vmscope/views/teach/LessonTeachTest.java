package dev.vmscope.views.teach;

import dev.vmscope.core.Session;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teaching mode: stepping with the keys, presenter mode, the exports, and every lesson's huge-page walk on screen. */
@ExtendWith(ApplicationExtension.class)
class LessonTeachTest {
    private final Preferences node = Preferences.userRoot().node("dev/vmscope/tests/lesson-teach-" + ProcessHandle.current().pid());
    private final Map<String, byte[]> saved = new LinkedHashMap<>();
    private final List<String> opened = new ArrayList<>();
    private Stage stage;
    private Session session;
    private TeachModel model;
    private TeachPane pane;

    @Start
    void start(Stage s) {
        stage = s;
        show("x86-pae");
    }

    private void show(String id) {
        if (session != null) {
            session.close();
        }
        Lesson lesson = Lessons.lesson(id);
        session = Lessons.open(lesson);
        model = new TeachModel(session, lesson, Lessons.text(lesson.text()), new ScoreBook(node));
        pane = new TeachPane(model, new TeachActions() {
            @Override
            public void openOwnDump() {
                opened.add(id);
            }

            @Override
            public void save(String name, byte[] content) {
                saved.put(name, content);
            }
        });
        stage.setScene(new Scene(pane, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() throws BackingStoreException {
        session.close();
        node.removeNode();
    }

    @Test
    void keysStepThroughThePaeWalkOfAHugePage(FxRobot robot) {
        Fx.waitUntil(() -> model.current().isPresent());
        robot.interact(() -> robot.lookup(".walk-choice").queryAs(ComboBox.class).getSelectionModel().select(1));
        Fx.waitUntil(() -> Fx.texts(pane, "frame-title").getFirst().startsWith("Walk a 2 MiB page"));
        // SDM 4.4: 0xc0412345 → PDPT index bits 31:30 = 3, PD index bits 29:21 = 2, offset bits 20:0 = 0x12345
        assertEquals(List.of("index 3", "index 2", "0x12345"), Fx.texts(pane, "teach-field-value"));
        robot.clickOn(".teach-pane").type(KeyCode.RIGHT);
        Fx.waitUntil(() -> !Fx.texts(pane, "frame-index").isEmpty());
        assertEquals(List.of("Entry address: 0x1000 + 3 × 8 = 0x1018"), Fx.texts(pane, "frame-entry-address"));
        robot.type(KeyCode.SPACE);
        Fx.waitUntil(() -> Fx.texts(pane, "frame-entry").equals(List.of("PD[2] = 0x4001e3")));
        // PD[2] = 0x4001e3: PS set, a 2 MiB frame at bits 51:21 = 0x400000, plus bits 20:0 of the address
        assertEquals(List.of("Page: 0x4001e3 & 0xfffffffe00000 = 0x400000, a 2 MiB page (a huge page: the walk ends 1 level early)."
                + " Physical address: 0x400000 + offset 0x12345 = 0x412345."), Fx.texts(pane, "frame-leads"));
        assertTrue(Fx.texts(pane, "frame-fault-meaning").getFirst().contains("from 0xc0400000 to 0xc05fffff (2 MiB"));
        Screenshots.save(pane, "lesson-teach-pae-huge-page");
        robot.type(KeyCode.LEFT);
        Fx.waitUntil(() -> Fx.texts(pane, "frame-entry").equals(List.of("PDPT[3] = 0x2001")));
    }

    @Test
    void presenterModeAndExportsAndOwnDump(FxRobot robot) {
        Fx.waitUntil(() -> model.current().isPresent());
        robot.clickOn(".teach-pane").type(KeyCode.F11);
        Fx.waitUntil(() -> pane.getStyleClass().contains("presenter"));
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        Screenshots.save(pane, "lesson-teach-presenter");
        robot.type(KeyCode.F11);
        Fx.waitUntil(() -> !pane.getStyleClass().contains("presenter"));
        for (String item : List.of("Bit diagram as PNG", "Bit diagram as SVG", "Walk as PNG", "Walk as text")) {
            robot.clickOn("Export").clickOn(item);
        }
        Fx.waitUntil(() -> saved.size() == 4);
        assertEquals(List.of("x86-pae-c0101234-bits.png", "x86-pae-c0101234-bits.svg", "x86-pae-c0101234-walk.png",
                "x86-pae-c0101234-walk.txt"), List.copyOf(saved.keySet()));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        assertArrayEquals(png, java.util.Arrays.copyOf(saved.get("x86-pae-c0101234-bits.png"), 4));
        String svg = new String(saved.get("x86-pae-c0101234-bits.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.contains(">PDPT<") && svg.contains(">index 257<"), svg);
        String text = new String(saved.get("x86-pae-c0101234-walk.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("Entry address: 0x3000 + 257 × 8 = 0x3808"), text);
        assertTrue(text.contains("0xc0101234 → 0x5234"), text);
        robot.clickOn(".own-dump");
        assertEquals(List.of("x86-pae"), opened);
    }

    @Test
    void everyLessonShowsItsSecondWalkAtItsLastStep(FxRobot robot) {
        for (String id : Lessons.ids()) {
            robot.interact(() -> show(id));
            Fx.waitUntil(() -> model.current().isPresent());
            robot.interact(() -> robot.lookup(".walk-choice").queryAs(ComboBox.class).getSelectionModel().select(1));
            Fx.waitUntil(() -> model.walkProperty().get() == 1 && model.current().isPresent());
            int steps = model.current().orElseThrow().steps().size();
            robot.interact(() -> {
                for (int i = 0; i < steps; i++) {
                    model.next();
                }
            });
            Fx.waitUntil(() -> !Fx.texts(pane, "frame-leads").isEmpty());
            assertTrue(Fx.texts(pane, "frame-leads").getFirst().startsWith("Page: "), id + ": " + Fx.texts(pane, "frame-leads"));
            Screenshots.save(pane, "lesson-" + id + "-walk2");
        }
    }
}
