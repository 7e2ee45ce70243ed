package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ToggleButton;
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

/** A physical address in the hex view names the kernel virtual addresses that map it, and each link shows it there. */
@ExtendWith(ApplicationExtension.class)
class HexAliasesTest {
    private HexPane pane;

    @Start
    void start(Stage stage) {
        pane = new HexPane(new HexModel(CorpusSession.get()));
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
    }

    private static long truthVa(List<String[]> rows, String label) {
        return Hex.parse(rows.stream().filter(r -> r[0].equals(label)).findFirst().orElseThrow()[2]);
    }

    private static long truthPa(List<String[]> rows, String label) {
        return Hex.parse(rows.stream().filter(r -> r[0].equals(label)).findFirst().orElseThrow()[3]);
    }

    private List<Hyperlink> links() {
        return Fx.nodes(pane).filter(n -> n instanceof Hyperlink && n.getStyleClass().contains("hex-alias") && n.isVisible())
                .map(n -> (Hyperlink) n).toList();
    }

    @Test
    void theKernelTextByteIsAlsoInTheDirectMapAndALinkGoesThere(FxRobot robot) {
        List<String[]> vtop = TruthFiles.rows(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.vtop.tsv"));
        long stext = truthVa(vtop, "_stext");
        long pa = truthPa(vtop, "_stext");
        long directMapBase = truthVa(vtop, "directmap+0x0") - truthPa(vtop, "directmap+0x0");
        robot.clickOn(".goto-field").eraseText(40).write(Hex.of(pa)).type(KeyCode.ENTER);
        Fx.waitUntil(() -> !links().isEmpty());
        List<String> shown = links().stream().map(Hyperlink::getText).toList();
        assertEquals(Hex.of(directMapBase + pa), shown.getFirst(), "the direct map comes first: " + shown);
        assertTrue(shown.contains(Hex.of(stext)), "the kernel text mapping is among " + shown);
        Screenshots.save(pane, "hex-aliases");

        robot.interact(() -> links().stream().filter(l -> l.getText().equals(Hex.of(stext))).findFirst().orElseThrow().fire());
        Fx.waitUntil(() -> ((ToggleButton) robot.lookup(".space-virtual").query()).isSelected()
                && pane.position().value() == stext);
        Fx.waitUntil(() -> links().isEmpty());
    }
}
