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
import javafx.scene.control.Label;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The chips of every decoded row of register {@code name} in a CPU's view, as (text, style classes). */
    private static List<javafx.scene.control.Label> chips(Parent view, String name) {
        return Fx.nodes(view).filter(n -> n instanceof FlagsView)
                .filter(n -> Fx.texts((Parent) n, "flags-name").equals(List.of(name)))
                .flatMap(n -> Fx.nodes((Parent) n)).filter(n -> n.getStyleClass().contains("chip"))
                .map(n -> (javafx.scene.control.Label) n).toList();
    }

    private static List<String> set(List<javafx.scene.control.Label> chips) {
        return chips.stream().filter(c -> c.getStyleClass().contains("flag-set")).map(javafx.scene.control.Label::getText).toList();
    }

    @Test
    void flagsAndControlRegistersAreDecodedAsTheManualsName(FxRobot robot) throws IOException {
        // QEMU: RFL=00000246 and CR0=80050033 on CPU 0; SDM: 0x246 = PF ZF IF (bit 1 is always one),
        // 0x80050033 = PE MP ET NE WP AM PG
        assertEquals(List.of("0x246", "0x206"), qemu("RFL"));
        assertEquals("0x80050033", qemu("CR0").getFirst());
        Parent view = showCpu(robot, 0);
        List<javafx.scene.control.Label> rflags = chips(view, "rflags");
        assertEquals(List.of("PF", "ZF", "IF", "PF", "ZF", "IF"), set(rflags)); // the PRSTATUS and the QEMU card
        assertEquals(List.of("PE", "MP", "ET", "NE", "WP", "AM", "PG"), set(chips(view, "cr0")));
        assertTrue(rflags.stream().anyMatch(c -> c.getText().equals("CF") && c.getStyleClass().contains("flag-clear")));
        assertTrue(rflags.getFirst().getTooltip().getText().startsWith("CF (bit 0): "), rflags.getFirst().getTooltip().getText());
        Screenshots.save(pane, "registers-flags-cpu0");
    }

    @Test
    void whatDiffersBetweenTheCpusIsMarked(FxRobot robot) throws IOException {
        // QEMU: CR4=00750ef0 on CPU 0 and 00750ee0 on CPU 1: only bit 4, PSE, differs; ZF differs in rflags
        assertEquals(List.of("0x750ef0", "0x750ee0"), qemu("CR4"));
        Parent view = showCpu(robot, 1);
        Label cr4 = (Label) Fx.nodes(view).filter(n -> n.getStyleClass().contains("reg-cr4")).findFirst().orElseThrow();
        assertTrue(cr4.getStyleClass().contains("differs"));
        assertTrue(cr4.getTooltip().getText().contains("CPU 0: 0x750ef0"), cr4.getTooltip().getText());
        assertEquals(List.of("PSE"), chips(view, "cr4").stream().filter(c -> c.getStyleClass().contains("differs")).map(Label::getText).toList());
        assertFalse(((Label) Fx.nodes(view).filter(n -> n.getStyleClass().contains("reg-cr0")).findFirst().orElseThrow())
                .getStyleClass().contains("differs"));
        assertEquals(List.of("ZF", "ZF"), chips(view, "rflags").stream().filter(c -> c.getStyleClass().contains("differs")).map(Label::getText).toList());
        Screenshots.save(pane, "registers-differences-cpu1");
    }
}
