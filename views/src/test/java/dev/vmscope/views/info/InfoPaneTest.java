package dev.vmscope.views.info;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The info pane says what libkdumpfile says of the dump: release, CPUs, VMCOREINFO lines. */
@ExtendWith(ApplicationExtension.class)
class InfoPaneTest {
    private InfoPane pane;

    @Start
    void start(Stage stage) {
        pane = new InfoPane(new InfoModel(CorpusSession.get()));
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
    }

    @Test
    void summaryAndVmcoreinfoAgreeWithLibkdumpfile(FxRobot robot) throws IOException {
        JsonNode info = new ObjectMapper().readTree(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.info.json").toFile());
        assertEquals(List.of(info.get("linux.uts.release").asText()), Fx.texts(pane, "summary-kernel-release"));
        assertEquals(List.of(info.get("cpu.number").asText()), Fx.texts(pane, "summary-cpus"));
        assertEquals(List.of(info.get("arch.name").asText()), Fx.texts(pane, "summary-architecture"));
        TableView<Map.Entry<String, String>> table = robot.lookup(".vmcoreinfo-table").queryTableView();
        String root = info.get("vmcoreinfo_lines").get("SYMBOL(init_top_pgt)").asText();
        assertTrue(table.getItems().stream().anyMatch(e -> e.getKey().equals("SYMBOL(init_top_pgt)") && e.getValue().equals(root)));
        robot.clickOn(".vmcoreinfo-filter").write("pgtable");
        assertEquals(List.of("NUMBER(pgtable_l5_enabled)"), table.getItems().stream().map(Map.Entry::getKey).toList());
        assertEquals(info.get("vmcoreinfo_lines").get("NUMBER(pgtable_l5_enabled)").asText(), table.getItems().getFirst().getValue());
        Screenshots.save(pane, "info");
    }
}
