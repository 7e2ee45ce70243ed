package dev.vmscope.views.explorer;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Xen host's kdump holds machine memory: the panes say "machine" and the hex view offers that space. */
@ExtendWith(ApplicationExtension.class)
class XenHostDumpTest {
    private static Session session;
    private ExplorerPane explorer;

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
        explorer = new ExplorerPane(session);
        stage.setScene(new Scene(explorer, 1200, 860));
        stage.show();
    }

    @Test
    void memoryMapAndHexViewWorkInMachineAddresses(FxRobot robot) throws IOException {
        robot.interact(() -> explorer.show(Page.MEMORY_MAP));
        assertTrue(Fx.texts(explorer, "section-title").contains("Machine memory"), Fx.texts(explorer, "section-title").toString());
        Screenshots.save(explorer, "xen-memory-map");
        robot.interact(() -> explorer.show(Page.HEX));
        assertTrue(robot.lookup(".space-machine").queryAs(ToggleButton.class).isSelected());
        // readelf: the second PT_LOAD starts at machine 0x100000
        Matcher m = Pattern.compile("LOAD\\s+0x\\p{XDigit}+\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)")
                .matcher(Files.readString(Corpus.file("xen", "truth/analysis/x1-vmcore.readelf.txt")));
        List<Long> starts = m.results().map(r -> Hex.parse(r.group(1))).toList();
        assertEquals(3, starts.size());
        robot.clickOn(".goto-field").eraseText(40).write(Hex.of(starts.get(1))).type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> Fx.texts(explorer, "hex-address").contains(Hex.of(starts.get(1))));
        Screenshots.save(explorer, "xen-hex-machine");
    }

    @Test
    void everyPageOpens(FxRobot robot) {
        for (Page p : Page.values()) {
            robot.interact(() -> explorer.show(p));
            assertEquals(p, explorer.shown());
        }
        robot.interact(() -> explorer.show(Page.REGISTERS));
        Screenshots.save(explorer, "xen-registers");
    }
}
