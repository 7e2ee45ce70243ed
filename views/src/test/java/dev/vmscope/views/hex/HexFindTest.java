package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.Makedumpfile;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Find, selection copy, words and excluded pages in the hex view, over the Xen corpus's host dump
 * (README: dom0's VMCOREINFO note sits at machine 0x1553c000) and its {@code makedumpfile -c -d 1}
 * conversion, whose zero pages are excluded.
 */
@ExtendWith(ApplicationExtension.class)
class HexFindTest {
    /** The note's descriptor: a 12-byte header, then "VMCOREINFO\0" padded to 12 bytes. */
    private static final long VMCOREINFO_TEXT = 0x1553c000L + 12 + 12;
    private static Session elf;
    private static Session kdump;
    private HexPane pane;
    private Stage stage;

    @BeforeAll
    static void open() {
        elf = Session.open(Corpus.dump("xen", "x1-xen-kdump.vmcore"), OpenOptions.DEFAULT);
        kdump = Session.open(Makedumpfile.convert(Corpus.dump("xen", "x1-xen-kdump.vmcore"), "x1-xen-kdump.c-d1.kdump",
                "-c", "-d", "1"), OpenOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        elf.close();
        kdump.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pane = new HexPane(new HexModel(elf));
        stage.setScene(new Scene(pane, 1280, 760));
        stage.show();
    }

    @Test
    void findsTextForwardAndBackwardAndSelectsTheMatch(FxRobot robot) {
        robot.interact(() -> pane.show(Space.MACHINE, 0x1553c000L));
        robot.clickOn(".find-ascii");
        robot.clickOn(".find-field").write("OSRELEASE=").type(KeyCode.ENTER);
        Fx.waitUntil(() -> status(robot).startsWith("Found at machine " + Hex.of(VMCOREINFO_TEXT)));
        assertEquals(new ByteSpan(VMCOREINFO_TEXT, 10), selection());
        Screenshots.save(pane, "hex-find");
        robot.clickOn(".find-previous");
        Fx.waitUntil(() -> !status(robot).startsWith("Searching") && !status(robot).startsWith("Found at machine "
                + Hex.of(VMCOREINFO_TEXT)));
        assertTrue(status(robot).startsWith("Found at") || status(robot).startsWith("No match before machine " + Hex.of(VMCOREINFO_TEXT)),
                status(robot));
        robot.interact(() -> pane.show(Space.MACHINE, VMCOREINFO_TEXT + 0x40));
        robot.interact(() -> model(robot).selectionProperty().set(null));
        robot.clickOn(".find-previous");
        Fx.waitUntil(() -> status(robot).startsWith("Found at machine " + Hex.of(VMCOREINFO_TEXT)));
    }

    @Test
    void hexPatternsAreCheckedAndASearchIsBounded() {
        assertEquals(List.of((byte) 0x7f, (byte) 0x45), List.of(BytePattern.parse("7f 45", false)[0], BytePattern.parse("0x7f45", false)[1]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BytePattern.parse("7f4", false)).getMessage().contains("odd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BytePattern.parse("zz", false)).getMessage().contains("zz"));
        HexSearch search = new HexSearch(elf.memory());
        byte[] text = "OSRELEASE=".getBytes(StandardCharsets.US_ASCII);
        HexSearch.Outcome o = search.forward(text, 0x1553c000L, 1 << 20, (d, b) -> { }, () -> false);
        assertEquals(VMCOREINFO_TEXT, o.match().orElseThrow());
        HexSearch.Outcome bounded = search.forward(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0x100000L, 3L << 20, (d, b) -> { }, () -> false);
        assertTrue(bounded.stoppedAt().isPresent() && bounded.scanned() >= 3L << 20, bounded.toString());
        HexSearch.Outcome back = search.backward(text, VMCOREINFO_TEXT + 1, 1 << 20, (d, b) -> { }, () -> false);
        assertEquals(VMCOREINFO_TEXT, back.match().orElseThrow());
    }

    @Test
    void aSelectionCopiesAsHexAndAsAscii(FxRobot robot) {
        robot.interact(() -> {
            pane.show(Space.MACHINE, VMCOREINFO_TEXT);
            model(robot).selectionProperty().set(new ByteSpan(VMCOREINFO_TEXT, 10));
        });
        robot.interact(() -> robot.lookup(".hex-view").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        Fx.waitUntil(() -> "4f 53 52 45 4c 45 41 53 45 3d".equals(clipboard(robot)));
        robot.interact(() -> model(robot).selectionProperty().set(new ByteSpan(VMCOREINFO_TEXT, 10)));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(() -> "OSRELEASE=".equals(clipboard(robot)));
        robot.clickOn(".hex-words-toggle");
        // README: the note's text starts OSRELEASE=6.1.0-50-amd64; the word at +0x18 ("OSRELEAS"), little-endian, reads backwards
        Fx.waitUntil(() -> Fx.texts(pane, "hex-word").contains("5341454c4552534f"));
        Screenshots.save(pane, "hex-words-selection");
    }

    @Test
    void excludedPagesReadAsSuchWithTheReason(FxRobot robot) {
        MemoryRange excluded = kdump.memory().ranges().stream().filter(r -> r.kind() == RangeKind.EXCLUDED).findFirst().orElseThrow();
        robot.interact(() -> {
            pane = new HexPane(new HexModel(kdump));
            stage.getScene().setRoot(pane);
            pane.show(Space.MACHINE, excluded.start());
        });
        Fx.waitUntil(() -> Fx.texts(pane, "hex-address").contains(Hex.of(excluded.start())));
        Fx.waitUntil(() -> Fx.texts(pane, "hex-byte").contains("--"));
        HexRowView row = robot.lookup(n -> n instanceof HexRowView).queryAllAs(HexRowView.class).stream()
                .filter(r -> r.rowAddress().orElse(-1) == excluded.start()).findFirst().orElseThrow();
        assertTrue(row.tipText().contains("is excluded from the dump by filtering"), row.tipText());
        assertTrue(row.getPseudoClassStates().contains(HexView.PAGE_START), "a page starts here");
        Screenshots.save(pane, "hex-excluded-page");
    }

    private HexModel model(FxRobot robot) {
        return pane.model();
    }

    private ByteSpan selection() {
        return pane.model().selectionProperty().get();
    }

    private String status(FxRobot robot) {
        return robot.lookup(".find-status").queryAs(javafx.scene.control.Label.class).getText();
    }

    private String clipboard(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = Clipboard.getSystemClipboard().getString());
        return out[0];
    }
}
