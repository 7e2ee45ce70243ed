package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.xen.XenTruth;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dom0's tables in a Xen host's kdump are in machine memory: the table lists both the machine target of
 * each entry and its pseudo-physical address, which libkdumpfile's p2m of dom0 must map back.
 */
@ExtendWith(ApplicationExtension.class)
class XenWalkTest {
    /** dom0's /proc/kallsyms: {@code ffffffff821613e0 D linux_banner}. */
    private static final long LINUX_BANNER = 0xffffffff821613e0L;
    private static Session session;
    private WalkModel model;
    private WalkPane pane;

    @BeforeAll
    static void open() {
        session = Session.open(Corpus.dump("xen", "x1-xen-kdump.vmcore"), OpenOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Start
    void start(Stage stage) {
        model = new WalkModel(session);
        pane = new WalkPane(model, Navigation.NONE);
        stage.setScene(new Scene(pane, 1400, 900));
        stage.show();
    }

    @Test
    void dom0sTablesShowMachineAndPseudoPhysicalTargets(FxRobot robot) {
        robot.clickOn(".address-field").write(Hex.of(LINUX_BANNER)).type(KeyCode.ENTER);
        Fx.waitUntil(() -> model.translationProperty().get() != null && model.tableProperty().get() != null);
        Translation t = model.translationProperty().get();
        assertTrue(t.mapped(), t.result().toString());
        long[] p2m = XenTruth.p2m();
        long machine = t.mapping().orElseThrow().address();
        long pseudo = t.pseudoPhysical().orElseThrow().value();
        assertEquals(machine >>> 12, p2m[(int) (pseudo >>> 12)], "libkdumpfile's p2m maps the page's pfn to its mfn");
        EntryTable table = robot.lookup(".entry-table").queryAs(EntryTable.class);
        TableEntry walked = table.getSelectionModel().getSelectedItem();
        long targetPfn = walked.targetPseudoPhysical().orElseThrow().value() >>> 12;
        assertEquals(walked.decoded().target() >>> 12, p2m[(int) targetPfn]);
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("→ pseudo-physical") && c.isVisible()));
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("→ machine")));
        assertEquals(java.util.List.of(Hex.of(pseudo)), Fx.texts(pane, "result-pseudo"));
        assertEquals(java.util.List.of(Hex.of(t.steps().getLast().tablePseudoPhysical().orElseThrow().value()) + " (pseudo-physical)"),
                Fx.texts(pane, "step-table-pseudo"));
        Screenshots.save(pane, "walk-xen-dom0");
    }
}
