package dev.vmscope.views.explorer;

import dev.vmscope.core.Hex;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import dev.vmscope.views.testing.VtopTruth;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The way between panes: a CPU's root into the walk, a walk's page into the hex view. */
@ExtendWith(ApplicationExtension.class)
class ExplorerPaneTest {
    private ExplorerPane explorer;

    @Start
    void start(Stage stage) {
        explorer = new ExplorerPane(CorpusSession.get());
        stage.setScene(new Scene(explorer, 1200, 860));
        stage.show();
    }

    @Test
    void walkThenShowBytesOpensTheHexViewAtThePhysicalAddress(FxRobot robot) {
        VtopTruth row = VtopTruth.first(r -> r.kind().equals("sym_data") && r.mapped());
        robot.interact(() -> explorer.walk(row.va()));
        assertEquals(Page.WALK, explorer.shown());
        Fx.waitUntil(() -> Fx.texts(explorer, "result-physical").contains(Hex.of(row.physical())));
        Screenshots.save(explorer, "explorer-walk");
        robot.clickOn(".to-hex");
        assertEquals(Page.HEX, explorer.shown());
        long rowStart = row.physical() & -16;
        Fx.waitUntil(() -> Fx.texts(explorer, "hex-address").contains(Hex.of(rowStart)));
        Screenshots.save(explorer, "explorer-hex");
    }

    @Test
    void registersButtonSwitchesToTheWalkWithThatCpusRoot(FxRobot robot) {
        robot.interact(() -> explorer.show(Page.REGISTERS));
        robot.clickOn("#cpu-1");
        robot.clickOn(".walk-with-root");
        assertEquals(Page.WALK, explorer.shown());
        String chosen = robot.lookup(".root-choice").queryComboBox().getValue().toString();
        assertTrue(chosen.startsWith("CPU 1 CR3"), chosen);
        Screenshots.save(explorer, "explorer-cpu1-root");
    }

    @Test
    void everyPageRenders(FxRobot robot) {
        assertFalse(explorer.has(Page.XEN), "the Xen page is only for a Xen host's dump");
        for (Page p : Page.values()) {
            if (!explorer.has(p)) {
                continue;
            }
            robot.interact(() -> explorer.show(p));
            assertEquals(p, explorer.shown());
            Screenshots.save(explorer, "explorer-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        assertEquals(List.of("Info", "Memory map", "Page walk", "Registers", "Hex", "Page tables"),
                explorer.getTabs().stream().map(t -> t.getText()).toList());
    }
}
