package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.views.explorer.ExplorerPane;
import dev.vmscope.views.explorer.Page;
import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Xen pane over the corpus's Xen host kdump (X1): facts from its README, and the lookups both ways
 * checked against libkdumpfile's pfn → mfn for every pfn of dom0.
 */
@ExtendWith(ApplicationExtension.class)
class XenPaneTest {
    private static Session session;
    private ExplorerPane explorer;
    private Scene scene;

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
        scene = new Scene(explorer, 1280, 860);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheHypervisorsFactsAndCrashRegs(FxRobot robot) {
        assertTrue(explorer.has(Page.XEN));
        robot.interact(() -> explorer.show(Page.XEN));
        List<String> facts = new ArrayList<>(Fx.texts(explorer, "fact-code"));
        facts.addAll(Fx.texts(explorer, "fact-value"));
        // README: Xen 4.17.7, xen_phys_start = 0x2f800000, the frame-list-list mfn 0x2ebd6 given to libkdumpfile
        assertTrue(facts.contains("4.17.7"), facts.toString());
        assertTrue(facts.contains("0x2f800000"), facts.toString());
        assertTrue(facts.contains("mfn 0x2ebd6"), facts.toString());
        assertTrue(facts.stream().anyMatch(f -> f.contains("Debian 12.2.0-14+deb12u1")), facts.toString());
        List<dev.vmscope.core.notes.CpuState> crash = session.dump().cpus().stream()
                .filter(c -> c.source().equals("XEN_CRASH_REGS")).toList();
        assertEquals(2, crash.size(), "X1 has XEN_ELFNOTE_CRASH_REGS x2");
        List<String> cr3 = Fx.texts(explorer, "xen-cr3");
        assertEquals(crash.stream().map(c -> Hex.of(c.register("cr3").orElseThrow().value())).toList(), cr3);
        Screenshots.save(explorer, "xen-pane");
    }

    @Test
    void pfnLookupsMatchLibkdumpfileForASampleOfPfns(FxRobot robot) {
        Map<Long, Long> truth = XenTruth.p2m();
        assertEquals(82017, truth.size());
        List<Long> sample = new ArrayList<>(List.of(0x0L, 0x8000L, 0x9000L, 0xf800L, 0x13f54L, 0x9fL, 0xffL, 0x14060L));
        truth.keySet().stream().filter(p -> p % 4099 == 17).forEach(sample::add);
        robot.interact(() -> explorer.show(Page.XEN));
        for (long pfn : sample) {
            robot.clickOn(".xen-frame-field").eraseText(24).write(Hex.of(pfn)).type(KeyCode.ENTER);
            String expected = "pfn " + Hex.of(pfn) + " (pseudo-physical " + Hex.of(pfn << 12) + ") → mfn " + Hex.of(truth.get(pfn));
            Fx.waitUntil(() -> answer(robot).startsWith(expected));
        }
        Screenshots.save(explorer, "xen-pane-lookup");
    }

    @Test
    void mfnLookupsGoBackToThePfn(FxRobot robot) {
        Map<Long, Long> truth = XenTruth.p2m();
        robot.interact(() -> explorer.show(Page.XEN));
        // the identity pfns 0x9f-0xff (the e820 hole) are left out: their frames belong to no domain in the m2p
        for (long pfn : List.of(0x0L, 0x8000L, 0x9000L, 0xf800L, 0x13f54L, 0x14060L)) {
            long mfn = truth.get(pfn);
            robot.clickOn(".xen-frame-field").eraseText(24).write(Hex.of(mfn));
            robot.clickOn(".xen-mfn-button");
            Fx.waitUntil(() -> answer(robot).startsWith("mfn " + Hex.of(mfn) + " (machine " + Hex.of(mfn << 12) + ") → pfn "
                    + Hex.of(pfn) + " of dom0 (ram); Xen's m2p[" + Hex.of(mfn) + "] = pfn " + Hex.of(pfn)));
        }
    }

    @Test
    void framesWithoutAnAnswerSayWhy(FxRobot robot) {
        robot.interact(() -> explorer.show(Page.XEN));
        // README: dom0's max_pfn is 0x14061, so the last pfn is 0x14060 and the next one has no frame
        robot.clickOn(".xen-frame-field").eraseText(24).write("0x14061").type(KeyCode.ENTER);
        Fx.waitUntil(() -> answer(robot).startsWith("pfn 0x14061 (pseudo-physical 0x14061000) has no machine frame"));
        assertTrue(answer(robot).contains("max_pfn 0x14061"), answer(robot));
        // README: the kdump area starts at machine 0x1df6b000; libkdumpfile maps no pfn of dom0 there
        assertFalse(XenTruth.p2m().containsValue(0x1df6bL));
        robot.clickOn(".xen-frame-field").eraseText(24).write("0x1df6b");
        robot.clickOn(".xen-mfn-button");
        Fx.waitUntil(() -> answer(robot).startsWith("mfn 0x1df6b (machine 0x1df6b000) backs no pfn of dom0's p2m; Xen's m2p[0x1df6b]"));
    }

    @Test
    void thePictureNamesTheRunUnderThePointerAndZooms(FxRobot robot) {
        robot.interact(() -> explorer.show(Page.XEN));
        P2mPicture picture = robot.lookup(".p2m-picture").queryAs(P2mPicture.class);
        // README: pfn 0x8000 → mfn 0x2edd7 (the ramdisk area)
        String words = picture.describe(0x8000);
        assertTrue(words.startsWith("pfn 0x8000 → mfn 0x2edd7  ·  run pfn "), words);
        P2mView all = picture.viewProperty().get();
        robot.moveTo(picture).scroll(3, javafx.geometry.VerticalDirection.UP);
        Fx.waitUntil(() -> picture.viewProperty().get().pfnHi() - picture.viewProperty().get().pfnLo() < all.pfnHi() - all.pfnLo());
        Fx.waitUntil(() -> !Fx.texts(explorer, "p2m-hover").getFirst().startsWith("Hover"));
        assertTrue(Fx.texts(explorer, "p2m-hover").getFirst().startsWith("pfn 0x"), Fx.texts(explorer, "p2m-hover").toString());
        Screenshots.save(explorer, "xen-pane-zoomed");
        robot.interact(() -> {
            // as in the main window: the theme on the scene, the explorer below its root
            StackPane holder = new StackPane();
            scene.setRoot(holder);
            holder.getChildren().add(explorer);
            scene.getStylesheets().setAll(Stylesheets.THEME, Stylesheets.DARK);
            picture.showAll();
        });
        Screenshots.save(explorer, "xen-pane-dark");
    }

    private String answer(FxRobot robot) {
        return robot.lookup(".xen-answer").queryAs(Label.class).getText();
    }
}
