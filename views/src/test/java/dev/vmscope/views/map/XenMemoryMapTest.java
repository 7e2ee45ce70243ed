package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.Makedumpfile;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory map of the Xen corpus's host dump: who owns the machine memory (README facts), a click on
 * the bar opening the hex view, the minimap, and page-level zoom on the dump converted with
 * {@code makedumpfile -c -d 1}, whose zero pages are excluded.
 */
@ExtendWith(ApplicationExtension.class)
class XenMemoryMapTest {
    private static Session elf;
    private static Session kdump;
    private final List<String> opened = new ArrayList<>();
    private MemoryMapPane elfPane;
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
        elfPane = new MemoryMapPane(new MemoryMapModel(elf), recorder());
        stage.setScene(new Scene(elfPane, 1280, 860));
        stage.show();
    }

    private Navigation recorder() {
        return new Navigation() {
            @Override
            public void walk(long virtualAddress) {
            }

            @Override
            public void useCpuRoot(int cpu) {
            }

            @Override
            public void showHex(Space space, long address) {
                opened.add(space.id() + " " + Hex.of(address));
            }
        };
    }

    private static AddressBar ownerBar(FxRobot robot) {
        return robot.lookup(".owner-bar").queryAs(AddressBar.class);
    }

    @Test
    void theOwnersBarShowsXenDom0AndTheKdumpAreaWhereTheReadmeSays(FxRobot robot) {
        List<BarSegment> owners = ownerBar(robot).segments();
        // README: xen_phys_start = 0x2f800000; Kdump: 192MB at 0x1df6b000 (machine 0x1df6b000-0x29f6afff), not in the PT_LOADs
        BarSegment xen = owners.stream().filter(s -> s.label().equals("Xen")).findFirst().orElseThrow();
        assertEquals(0x2f800000L, xen.start());
        assertTrue(xen.end() > 0x2f800000L + 0x593000L, "the image reaches past max_page's symbol: " + Hex.of(xen.end()));
        List<BarSegment> kdumpArea = owners.stream().filter(s -> s.label().equals("kdump")).toList();
        assertEquals(1, kdumpArea.size(), kdumpArea.toString());
        assertEquals(0x1df6b000L, kdumpArea.getFirst().start());
        assertEquals(0x29f6b000L, kdumpArea.getFirst().end());
        // README: pfn 0 → mfn 0x10000 and pfn 0x8000 → mfn 0x2edd7 (the ramdisk): dom0's frames
        assertTrue(owned(owners, "dom0", 0x10000000L) && owned(owners, "dom0", 0x2edd7000L), owners.toString());
        assertTrue(!owned(owners, "dom0", 0x1df6b000L), "dom0 owns nothing of the kdump area");
        Screenshots.save(elfPane, "xen-memory-map-owners");
    }

    private static boolean owned(List<BarSegment> owners, String who, long address) {
        return owners.stream().anyMatch(s -> s.label().equals(who) && s.start() <= address && address < s.end());
    }

    @Test
    void aDoubleClickOnTheBarOpensThatPageInTheHexView(FxRobot robot) {
        AddressBar bar = ownerBar(robot);
        Bounds b = bar.localToScreen(bar.getBoundsInLocal());
        double fraction = (0x20000000L - bar.domainStart()) / bar.viewportProperty().get().span();
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * fraction, b.getMinY() + 15)).doubleClickOn(MouseButton.PRIMARY);
        Fx.waitUntil(() -> !opened.isEmpty());
        long at = Hex.parse(opened.getLast().substring(opened.getLast().indexOf(' ') + 1));
        assertTrue(opened.getLast().startsWith(Space.MACHINE.id() + " "), opened.toString());
        assertEquals(0, at & 0xfff, "a page's start");
        assertTrue(Math.abs(at - 0x20000000L) < bar.viewportProperty().get().width() / b.getWidth() * 3 + 4096, Hex.of(at));
    }

    @Test
    void theMinimapFramesTheViewAndMovesIt(FxRobot robot) {
        AddressBar bar = elfPane.physicalBar();
        robot.interact(() -> bar.viewportProperty().set(bar.viewportProperty().get().withZoom(16, 0)));
        MiniMap mini = robot.lookup(".mini-map").queryAs(MiniMap.class);
        Bounds b = mini.localToScreen(mini.getBoundsInLocal());
        robot.clickOn(new Point2D(b.getMinX() + b.getWidth() * 0.75, b.getMinY() + 5));
        BarViewport v = bar.viewportProperty().get();
        assertEquals(0.75 * v.span(), v.from() + v.width() / 2, v.span() / b.getWidth() * 2);
        assertEquals(v, ownerBar(robot).viewportProperty().get(), "the owners bar follows the bar");
        Screenshots.save(elfPane, "xen-memory-map-minimap");
    }

    @Test
    void pageLevelZoomDrawsExcludedPagesAndHolesApart(FxRobot robot) {
        List<MemoryRange> ranges = kdump.memory().ranges();
        // makedumpfile -d 1 leaves zero pages out: single excluded pages between dumped ones
        MemoryRange single = ranges.stream().filter(r -> r.kind() == RangeKind.EXCLUDED && r.size() == 4096).findFirst().orElseThrow();
        assertTrue(ranges.stream().anyMatch(r -> r.kind() == RangeKind.HOLE && r.start() == 0x1df6b000L),
                "the kdump area is a hole: " + ranges.stream().filter(r -> r.kind() == RangeKind.HOLE).toList());
        MemoryMapPane[] pane = new MemoryMapPane[1];
        robot.interact(() -> {
            pane[0] = new MemoryMapPane(new MemoryMapModel(kdump), Navigation.NONE);
            stage.getScene().setRoot(pane[0]);
        });
        AddressBar bar = pane[0].physicalBar();
        robot.interact(() -> bar.viewportProperty().set(bar.viewportProperty().get().show(single.start() - 4 * 4096.0,
                single.end() + 4 * 4096.0)));
        double w = bar.getWidth();
        BarViewport v = bar.viewportProperty().get();
        double mid = v.fractionOf(single.start() + 2048.0) * w;
        double before = v.fractionOf(single.start() - 2048.0) * w;
        assertEquals("excluded", bar.segmentAt(mid).orElseThrow().label());
        assertTrue(bar.segmentAt(before).map(s -> !s.label().equals("excluded")).orElse(true));
        assertTrue(v.width() < 16 * 4096, "single pages are wide on the bar: " + v.width());
        Screenshots.save(pane[0], "xen-kdump-page-zoom");
    }
}
