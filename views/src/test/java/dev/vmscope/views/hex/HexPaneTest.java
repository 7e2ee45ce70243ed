package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hex view shows the bytes libkdumpfile read at physical and virtual addresses, and ?? where readelf says there are none. */
@ExtendWith(ApplicationExtension.class)
class HexPaneTest {
    private HexPane pane;

    @Start
    void start(Stage stage) {
        pane = new HexPane(new HexModel(CorpusSession.get()));
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
    }

    /** What the rows show: their address and their sixteen byte cells. */
    private List<String> row(int i) {
        HexRowView r = (HexRowView) Fx.nodes(pane).filter(n -> n instanceof HexRowView).skip(i).findFirst().orElseThrow();
        return Fx.nodes(r).filter(n -> n instanceof Label && n.getParent().isVisible()).map(n -> ((Label) n).getText()).toList();
    }

    /** The hex text of the first {@code rows} rows, as the truth files write bytes. */
    private String bytes(int rows) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            b.append(String.join("", row(i).subList(1, 17)));
        }
        return b.toString();
    }

    private void goTo(FxRobot robot, String address) {
        robot.clickOn(".goto-field").eraseText(40).write(address).type(KeyCode.ENTER);
    }

    private void waitForRow(long address) {
        Fx.waitUntil(() -> Fx.nodes(pane).anyMatch(n -> n instanceof HexRowView)
                && row(0).getFirst().equals(Hex.of(address)));
    }

    @Test
    void physicalAddressShowsTheBytesLibkdumpfileRead(FxRobot robot) {
        String[] truth = TruthFiles.rows(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.pbytes.tsv")).stream()
                .filter(r -> r[1].startsWith("4c696e7578")).findFirst().orElseThrow(); // "Linux" banner
        long pa = Hex.parse(truth[0]);
        goTo(robot, truth[0]);
        waitForRow(pa & -16);
        assertEquals(0, pa & 15, "the banner row is 16-byte aligned");
        assertEquals(truth[1], bytes(4));
        String ascii = String.join("", row(0).subList(17, 33));
        assertEquals("Linux version 6.", ascii);
        Screenshots.save(pane, "hex-physical");
    }

    @Test
    void virtualAddressShowsTheBytesLibkdumpfileRead(FxRobot robot) {
        String[] truth = TruthFiles.rows(CorpusSession.truth("libkdumpfile/vmcore-qemu.elf.vbytes.tsv")).stream()
                .filter(r -> r[0].equals("_stext")).findFirst().orElseThrow();
        robot.clickOn(".space-virtual");
        goTo(robot, truth[1]);
        waitForRow(Hex.parse(truth[1]));
        assertEquals(truth[2], bytes(4));
        assertTrue(((ToggleButton) robot.lookup(".space-virtual").query()).isSelected());
        Screenshots.save(pane, "hex-virtual");
    }

    @Test
    void bytesPastTheFirstLoadSegmentAreUnreadable(FxRobot robot) throws IOException {
        Matcher m = Pattern.compile("LOAD\\s+0x\\p{XDigit}+\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)")
                .matcher(Files.readString(CorpusSession.truth("notes/vmcore-qemu.elf.readelf.txt")));
        assertTrue(m.find());
        long end = Hex.parse(m.group(1)) + Hex.parse(m.group(2));
        goTo(robot, Hex.of(end));
        waitForRow(end);
        assertEquals(Collections.nCopies(16, "??"), row(0).subList(1, 17));
        robot.type(KeyCode.UP);
        waitForRow(end - 16);
        assertTrue(row(0).subList(1, 17).stream().noneMatch("??"::equals), row(0).toString());
        assertEquals(Collections.nCopies(16, "??"), row(1).subList(1, 17));
        Screenshots.save(pane, "hex-hole");
    }

    @Test
    void notHexIsRefusedWithTheReason(FxRobot robot) {
        goTo(robot, "0xzz");
        Fx.waitUntil(() -> !Fx.texts(pane, "hex-problem").getFirst().isEmpty());
        assertEquals(List.of("not a hexadecimal number: '0xzz'"), Fx.texts(pane, "hex-problem"));
        Screenshots.save(pane, "hex-not-hex");
    }
}
