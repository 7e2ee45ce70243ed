package dev.vmscope.views.regs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both CPUs' rip and cr3 as libkdumpfile (PRSTATUS) and QEMU's own "info registers" saw them. */
@ExtendWith(ApplicationExtension.class)
class RegistersPaneTest {
    private RegistersPane pane;
    private final List<Integer> walkedWith = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Navigation nav = new Navigation() {
            @Override
            public void walk(long virtualAddress) {
            }

            @Override
            public void useCpuRoot(int cpu) {
                walkedWith.add(cpu);
            }

            @Override
            public void showHex(Space space, long address) {
            }
        };
        pane = new RegistersPane(new RegistersModel(CorpusSession.get()), nav);
        stage.setScene(new Scene(pane, 1100, 900));
        stage.show();
    }

    /** QEMU's "info registers" value of a register per CPU, e.g. CR3=0000000002bbe000. */
    private static List<String> qemu(String register) throws IOException {
        String text = Files.readString(CorpusSession.truth("qemu-truth/info_registers.txt"));
        Matcher m = Pattern.compile("\\b" + register + "=(\\p{XDigit}+)").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(Hex.of(Hex.parse(m.group(1))));
        }
        return out;
    }

    private Parent showCpu(FxRobot robot, int cpu) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().get(cpu);
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        return (Parent) tab.getContent();
    }

    @Test
    void bothCpusShowRipAndCr3AsTheTruthSays(FxRobot robot) throws IOException {
        JsonNode cpus = new ObjectMapper().readTree(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.info.json").toFile())
                .get("cpus");
        List<String> qemuRip = qemu("RIP");
        List<String> qemuCr3 = qemu("CR3");
        assertEquals(2, cpus.size());
        assertEquals(2, qemuCr3.size());
        for (int cpu = 0; cpu < 2; cpu++) {
            Parent view = showCpu(robot, cpu);
            String prstatusRip = cpus.get(Integer.toString(cpu)).get("reg").get("rip").asText();
            // the PRSTATUS card comes first, then the QEMU card
            assertEquals(List.of(prstatusRip, qemuRip.get(cpu)), Fx.texts(view, "reg-rip"));
            assertEquals(List.of(qemuCr3.get(cpu)), Fx.texts(view, "reg-cr3"));
            assertEquals(List.of("NT_PRSTATUS", "QEMU"), Fx.texts(view, "card-title"));
            Screenshots.save(pane, "registers-cpu" + cpu);
        }
    }

    @Test
    void walkWithRootButtonAsksForThatCpusRoot(FxRobot robot) throws IOException {
        Parent view = showCpu(robot, 1);
        Button walk = (Button) Fx.nodes(view).filter(n -> n.getStyleClass().contains("walk-with-root")).findFirst().orElseThrow();
        assertEquals("Walk with this CPU's root (CR3 " + qemu("CR3").get(1) + ")", walk.getText());
        robot.clickOn(walk);
        assertEquals(List.of(1), walkedWith);
        Screenshots.save(pane, "registers-walk-button");
    }
}
