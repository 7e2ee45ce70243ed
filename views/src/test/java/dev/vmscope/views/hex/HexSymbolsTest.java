package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.KallsymsFile;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.views.symbols.SymbolsModel;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hex view's address field takes symbol expressions in the virtual space, once the kernel's symbols are loaded. */
@ExtendWith(ApplicationExtension.class)
class HexSymbolsTest {
    private HexPane pane;
    private SymbolsModel symbols;

    @Start
    void start(Stage stage) {
        symbols = new SymbolsModel(CorpusSession.get());
        pane = new HexPane(new HexModel(CorpusSession.get()), symbols.tableProperty());
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
    }

    private void loadSymbols(FxRobot robot) {
        robot.interact(() -> symbols.load(KallsymsFile.get()));
        Fx.waitUntil(() -> symbols.table().isPresent());
    }

    private void goTo(FxRobot robot, String address) {
        robot.clickOn(".goto-field").eraseText(40).write(address).type(KeyCode.ESCAPE).type(KeyCode.ENTER);
    }

    private List<String> firstRow() {
        HexRowView r = (HexRowView) Fx.nodes(pane).filter(n -> n instanceof HexRowView).findFirst().orElseThrow();
        return Fx.nodes(r).filter(n -> n instanceof Label && n.getParent().isVisible()).map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aSymbolPlusAnOffsetShowsTheBytesLibkdumpfileReadThere(FxRobot robot) {
        String[] truth = TruthFiles.rows(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.vbytes.tsv")).stream()
                .filter(r -> r[0].equals("_stext")).findFirst().orElseThrow();
        long stext = Hex.parse(truth[1]);
        loadSymbols(robot);
        robot.clickOn(".space-virtual");
        goTo(robot, "_stext+0x10");
        Fx.waitUntil(() -> Fx.nodes(pane).anyMatch(n -> n instanceof HexRowView) && firstRow().getFirst().equals(Hex.of(stext + 0x10)));
        assertEquals(truth[2].substring(32, 64), String.join("", firstRow().subList(1, 17)));
        assertEquals("", Fx.texts(pane, "hex-problem").getFirst());
    }

    @Test
    void inThePhysicalSpaceASymbolIsRefusedWithTheReason(FxRobot robot) {
        loadSymbols(robot);
        robot.clickOn(".space-physical");
        goTo(robot, "_stext");
        Fx.waitUntil(() -> !Fx.texts(pane, "hex-problem").getFirst().isEmpty());
        String problem = Fx.texts(pane, "hex-problem").getFirst();
        assertTrue(problem.contains("symbols name kernel virtual addresses"), problem);
    }
}
