package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import dev.vmscope.views.testing.VtopTruth;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks truth addresses of libkdumpfile and QEMU through the pane, as a user types them. */
@ExtendWith(ApplicationExtension.class)
class WalkPaneTest {
    /** Linux's names of the x86-64 levels (as libkdumpfile's messages use them) and the manual's. */
    private static final Map<String, String> LINUX_LEVELS = Map.of(
            "pgd", "PML4", "p4d", "PML4", "pud", "PDPT", "pmd", "PD", "pte", "PT");
    private WalkPane pane;
    private WalkModel model;

    @Start
    void start(Stage stage) {
        model = new WalkModel(CorpusSession.get());
        pane = new WalkPane(model, Navigation.NONE);
        stage.setScene(new Scene(pane, 1100, 900));
        stage.show();
    }

    private void type(FxRobot robot, String text) {
        robot.clickOn(".address-field").eraseText(40).write(text).type(KeyCode.ENTER);
    }

    /** The level names of the bread-crumb path, without the root and the outcome crumbs. */
    private List<String> levels() {
        List<String> crumbs = Fx.texts(pane, "crumb");
        return crumbs.subList(1, crumbs.size() - 1).stream().map(c -> c.substring(0, c.indexOf('['))).toList();
    }

    private String shownPhysical(FxRobot robot, String expected) {
        Fx.waitUntil(() -> Fx.texts(pane, "result-physical").contains(expected));
        return Fx.texts(pane, "result-physical").getFirst();
    }

    @Test
    void vmallocAddressWalksFourLevelsToTheTruthPage(FxRobot robot) {
        VtopTruth row = VtopTruth.first(r -> r.kind().equals("vmalloc") && r.mapped());
        type(robot, Long.toHexString(row.va()));
        assertEquals(Hex.of(row.physical()), shownPhysical(robot, Hex.of(row.physical())));
        assertEquals(List.of("PML4", "PDPT", "PD", "PT"), levels());
        assertEquals(List.of("4 KiB"), Fx.texts(pane, "result-page-size"));
        // the PT's whole table is shown, the walked entry selected
        int ptIndex = (int) ((row.va() >>> 12) & 511);
        EntryTable table = robot.lookup(".entry-table").queryAs(EntryTable.class);
        Fx.waitUntil(() -> table.getItems().size() == 512);
        assertEquals(ptIndex, table.getSelectionModel().getSelectedItem().index());
        assertEquals(row.physical() & ~0xfffL, table.getSelectionModel().getSelectedItem().decoded().target());
        assertEquals(List.of("PT"), Fx.texts(pane, "level-tag"));
        assertEquals(List.of("sign extension", "PML4", "PDPT", "PD", "PT", "page offset"), Fx.texts(pane, "va-name"));
        Screenshots.save(pane, "walk-vmalloc-4k");
    }

    @Test
    void directMapAddressWithZeroXPrefixShowsTheTruthAddress(FxRobot robot) {
        VtopTruth row = VtopTruth.first(r -> r.kind().equals("directmap") && r.mapped() && r.physical() > 0x100000);
        type(robot, Hex.of(row.va()));
        assertEquals(Hex.of(row.physical()), shownPhysical(robot, Hex.of(row.physical())));
        List<String> levels = levels();
        assertEquals(List.of("PML4", "PDPT", "PD", "PT").subList(0, levels.size()), levels);
        Screenshots.save(pane, "walk-directmap");
    }

    @Test
    void kernelTextHugePageIsMarked(FxRobot robot) {
        VtopTruth row = VtopTruth.first(r -> r.label().equals("_stext"));
        type(robot, Hex.of(row.va()));
        shownPhysical(robot, Hex.of(row.physical()));
        if (levels().size() < 4) {
            assertTrue(Fx.texts(pane, "chip").contains("huge page"));
            assertTrue(Fx.texts(pane, "result-page-size").getFirst().endsWith("(huge page)"));
        }
        Screenshots.save(pane, "walk-kernel-text");
    }

    @Test
    void unmappedTruthRowShowsTheFaultAtTheLevelLibkdumpfileNames(FxRobot robot) {
        VtopTruth row = VtopTruth.first(r -> !r.mapped() && r.kind().equals("directmap"));
        Matcher m = Pattern.compile("(\\w+)\\[(\\d+)] = (0x\\p{XDigit}+)").matcher(row.result());
        assertTrue(m.find(), row.result());
        String level = LINUX_LEVELS.get(m.group(1));
        type(robot, Hex.of(row.va()));
        Fx.waitUntil(() -> !Fx.texts(pane, "fault-reason").isEmpty());
        assertEquals(List.of(level + " entry not present"), Fx.texts(pane, "fault-reason"));
        assertEquals(List.of(level + "[" + m.group(2) + "] = " + m.group(3)), Fx.texts(pane, "fault-detail"));
        assertEquals(List.of("✗ Fault at " + level), Fx.texts(pane, "outcome-title"));
        Screenshots.save(pane, "walk-fault");
    }

    @Test
    void userAddressWalksWithCpu1sCr3AsQemuTranslatedIt(FxRobot robot) {
        String[] probe = TruthFiles.rows(CorpusSession.truth("qemu-truth/gva2gpa.tsv")).stream()
                .filter(r -> r[0].equals("probe:0x400000")).findFirst().orElseThrow();
        robot.interact(() -> assertTrue(model.useCpuRoot(1)));
        type(robot, probe[2]);
        assertEquals(Hex.of(Hex.parse(probe[4])), shownPhysical(robot, Hex.of(Hex.parse(probe[4]))));
        assertTrue(robot.lookup(".root-choice").queryComboBox().getValue().toString().startsWith("CPU 1 CR3"));
        Screenshots.save(pane, "walk-cpu1-user");
    }

    @Test
    void introOffersTheKernelTextStartFromVmcoreinfo(FxRobot robot) throws java.io.IOException {
        String stext = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.info.json").toFile())
                .get("vmcoreinfo_lines").get("SYMBOL(_stext)").asText();
        javafx.scene.control.Hyperlink link = robot.lookup(".hyperlink").queryAll().stream()
                .map(n -> (javafx.scene.control.Hyperlink) n).filter(h -> h.getText().startsWith("_stext")).findFirst().orElseThrow();
        assertEquals("_stext (kernel text) 0x" + stext, link.getText());
        Screenshots.save(pane, "walk-intro");
        robot.clickOn(link);
        Fx.waitUntil(() -> !Fx.texts(pane, "result-physical").isEmpty());
        assertEquals("0x" + stext, robot.lookup(".address-field").queryAs(javafx.scene.control.TextField.class).getText());
    }

    @Test
    void notHexSaysSoAndKeepsTheLastWalk(FxRobot robot) {
        type(robot, "kernel");
        Fx.waitUntil(() -> !model.problemProperty().get().isEmpty());
        assertEquals("not a hexadecimal address: 'kernel' (load a symbol table to use names)", model.problemProperty().get());
        Screenshots.save(pane, "walk-not-hex");
    }
}
