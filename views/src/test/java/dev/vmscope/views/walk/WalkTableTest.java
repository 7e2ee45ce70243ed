package dev.vmscope.views.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.KallsymsFile;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import dev.vmscope.views.testing.VtopTruth;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walk pane's tables, history, copies and symbols, driven on the x86-64 corpus dump. */
@ExtendWith(ApplicationExtension.class)
class WalkTableTest {
    private WalkPane pane;
    private WalkModel model;

    @Start
    void start(Stage stage) {
        model = new WalkModel(CorpusSession.get());
        pane = new WalkPane(model, Navigation.NONE);
        stage.setScene(new Scene(pane, 1400, 900));
        stage.show();
    }

    private void type(FxRobot robot, String text) {
        robot.clickOn(".address-field");
        robot.interact(() -> robot.lookup(".address-field").queryAs(javafx.scene.control.TextField.class).clear());
        robot.write(text).type(KeyCode.ENTER);
    }

    private EntryTable table(FxRobot robot) {
        return robot.lookup(".entry-table").queryAs(EntryTable.class);
    }

    private void walkAndWait(FxRobot robot, VtopTruth row) {
        type(robot, Hex.of(row.va()));
        Fx.waitUntil(() -> Fx.texts(pane, "result-physical").contains(Hex.of(row.physical())) && table(robot).getItems().size() > 0);
    }

    @Test
    void theTopTableListsEveryEntryDimsTheAbsentAndClickingOneWalksThroughIt(FxRobot robot) {
        VtopTruth row = VtopTruth.first(r -> r.kind().equals("vmalloc") && r.mapped());
        walkAndWait(robot, row);
        robot.clickOn(robot.lookup(".crumb").nth(1).queryButton()); // PML4[…]
        Fx.waitUntil(() -> model.levelProperty().get() == 0 && table(robot).getItems().size() == 512);
        EntryTable t = table(robot);
        int walked = (int) ((row.va() >>> 39) & 511);
        assertEquals(walked, t.getSelectionModel().getSelectedIndex());
        assertEquals(List.of("PML4"), Fx.texts(pane, "level-tag"));
        long absentRows = robot.lookup(".entry-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("absent"))).count();
        assertTrue(absentRows > 0, "the kernel's PML4 has empty slots next to the walked one");
        Screenshots.save(pane, "walk-table-pml4");
        // the kernel text's slot, 511, is present: descend into it
        TableEntry last = t.getItems().get(511);
        assertTrue(last.present());
        robot.interact(() -> t.scrollTo(511));
        robot.clickOn(robot.lookup(".entry-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() == last).findFirst().orElseThrow());
        Fx.waitUntil(() -> model.translationProperty().get().virtualAddress() == 0xffffff8000000000L
                && model.levelProperty().get() == 1 && table(robot).getItems().size() == 512);
        assertEquals("0xffffff8000000000", Fx.texts(pane, "va-hex").getFirst());
        assertEquals(List.of("PDPT"), Fx.texts(pane, "level-tag"));
        assertEquals(0, table(robot).getSelectionModel().getSelectedIndex());
        Screenshots.save(pane, "walk-table-descended");
        // back returns to the first walk, forward to the descent
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        Fx.waitUntil(() -> model.translationProperty().get().virtualAddress() == row.va());
        robot.clickOn(".walk-forward");
        Fx.waitUntil(() -> model.translationProperty().get().virtualAddress() == 0xffffff8000000000L);
        assertFalse(robot.lookup(".walk-forward").queryButton().isDisabled() && robot.lookup(".walk-back").queryButton().isDisabled());
    }

    @Test
    void theWalkIsCopiedAsVtopJson(FxRobot robot) throws Exception {
        VtopTruth row = VtopTruth.first(r -> r.label().equals("linux_banner"));
        walkAndWait(robot, row);
        robot.clickOn(".walk-copy").clickOn("Walk as JSON (vtop --json)");
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        JsonNode j = new ObjectMapper().readTree(clip.get()).get(0);
        assertEquals(Hex.of(row.va()), j.get("address").asText());
        assertEquals(Hex.of(row.physical()), j.get("physical").asText());
        assertEquals("x86_64-4level", j.get("pagingMode").asText());
        assertTrue(j.get("machine").isNull());
        assertEquals("PML4", j.get("steps").get(0).get("level").asText());
        assertEquals(511, j.get("steps").get(0).get("index").asInt());
        assertTrue(j.get("fault").isNull());
        robot.clickOn(".walk-copy").clickOn("Walk as text (like crash vtop)");
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertTrue(clip.get().lines().skip(1).findFirst().orElseThrow().startsWith(Hex.of(row.va()) + " "), clip.get());
        assertTrue(clip.get().contains(Hex.of(row.physical())), clip.get());
    }

    @Test
    void withKallsymsLoadedASymbolPlusOffsetIsWalkedAndNamed(FxRobot robot) {
        robot.interact(() -> model.symbols().load(KallsymsFile.get()));
        Fx.waitUntil(() -> model.symbols().table().isPresent());
        assertTrue(Fx.texts(pane, "symbols-status").getFirst().contains("runtime addresses"), Fx.texts(pane, "symbols-status").toString());
        VtopTruth banner = VtopTruth.first(r -> r.label().equals("linux_banner"));
        type(robot, "linux_banner+0x10");
        Fx.waitUntil(() -> Fx.texts(pane, "result-physical").contains(Hex.of(banner.physical() + 0x10)));
        assertEquals(List.of("<linux_banner+0x10>"), Fx.texts(pane, "va-symbol"));
        Screenshots.save(pane, "walk-symbol");
        type(robot, "_stext-16");
        long stext = VtopTruth.first(r -> r.label().equals("_stext")).va();
        try {
            Fx.waitUntil(() -> model.translationProperty().get().virtualAddress() == stext - 16);
        } catch (AssertionError e) {
            Screenshots.save(pane, "walk-symbol-fail");
            throw new AssertionError(robot.lookup(".address-field").queryAs(javafx.scene.control.TextField.class).getText()
                    + " / " + model.problemProperty().get() + " / " + Hex.of(model.translationProperty().get().virtualAddress()), e);
        }
    }

    @Test
    void typingAPrefixOffersSymbolNames(FxRobot robot) {
        robot.interact(() -> model.symbols().load(KallsymsFile.get()));
        Fx.waitUntil(() -> model.symbols().table().isPresent());
        robot.clickOn(".address-field").eraseText(60).write("linux_ba");
        Fx.waitUntil(() -> robot.lookup(".auto-complete-popup .list-cell").queryAll().stream()
                .anyMatch(n -> "linux_banner".equals(((javafx.scene.control.ListCell<?>) n).getText())));
        Screenshots.save(robot.lookup(".auto-complete-popup").query().getScene().getRoot(), "walk-completion-popup");
    }
}
