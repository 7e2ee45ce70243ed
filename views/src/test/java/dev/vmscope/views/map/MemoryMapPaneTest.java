package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.ScrollEvent;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory map over the corpus dump lists the PT_LOAD ranges readelf printed and the kernel's regions. */
@ExtendWith(ApplicationExtension.class)
class MemoryMapPaneTest {
    private static final Pattern LOAD = Pattern.compile(
            "^\\s*LOAD\\s+0x\\p{XDigit}+\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)");
    private MemoryMapPane pane;

    @Start
    void start(Stage stage) {
        pane = new MemoryMapPane(new MemoryMapModel(CorpusSession.get()), Navigation.NONE);
        stage.setScene(new Scene(pane, 1180, 760));
        stage.show();
    }

    @Test
    void tableListsEveryLoadSegmentAsRamAndTheHoleBetween(FxRobot robot) throws IOException {
        List<long[]> loads = new ArrayList<>();
        for (String line : Files.readAllLines(CorpusSession.truth("notes/vmcore-qemu.elf.readelf.txt"))) {
            Matcher m = LOAD.matcher(line);
            if (m.find()) {
                long start = Hex.parse(m.group(1));
                loads.add(new long[] {start, start + Hex.parse(m.group(2))});
            }
        }
        assertEquals(2, loads.size(), "readelf shows two PT_LOADs");
        TableView<MemoryRange> table = robot.lookup(".range-table").queryTableView();
        List<MemoryRange> rows = table.getItems();
        List<MemoryRange> ram = rows.stream().filter(r -> r.kind() == RangeKind.RAM).toList();
        assertEquals(loads.size(), ram.size());
        for (int i = 0; i < loads.size(); i++) {
            assertEquals(Hex.of(loads.get(i)[0]), Hex.of(ram.get(i).start()));
            assertEquals(Hex.of(loads.get(i)[1]), Hex.of(ram.get(i).end()));
        }
        assertTrue(rows.stream().anyMatch(r -> r.kind() == RangeKind.HOLE
                && r.start() == loads.get(0)[1] && r.end() == loads.get(1)[0]), "the gap between the loads is a hole");
        List<String> cells = Fx.texts(table, "table-cell");
        assertTrue(cells.contains("0xc000000"), cells.toString());
        assertTrue(cells.contains("0xfffc0000"), cells.toString());
        assertTrue(cells.contains("192 MiB"), cells.toString());
        Screenshots.save(pane, "memory-map");
    }

    @Test
    void choosingARowZoomsTheBarOntoIt(FxRobot robot) {
        TableView<MemoryRange> table = robot.lookup(".range-table").queryTableView();
        AddressBar bar = pane.physicalBar();
        robot.interact(() -> table.getSelectionModel().select(2));
        MemoryRange last = table.getItems().get(2);
        assertEquals(last, bar.selectedProperty().get().source());
        BarViewport v = bar.viewportProperty().get();
        assertTrue(v.zoom() > 100, "the 256 KiB range below 4 GiB fills the bar: zoom " + v.zoom());
        assertTrue(v.from() <= last.start() && v.to() >= last.end());
        Screenshots.save(pane, "memory-map-zoomed");
    }

    @Test
    void hoveringTheBarTellsTheRangeAndTheWheelZoomsAtThePointer(FxRobot robot) {
        AddressBar bar = pane.physicalBar();
        javafx.geometry.Bounds b = bar.localToScreen(bar.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.01, b.getMinY() + 15));
        Fx.waitUntil(() -> bar.tipText() != null && bar.tipText().startsWith("0x0 – 0xc000000"));
        assertTrue(bar.tipText().contains("192 MiB · ram"), bar.tipText());
        double x = b.getWidth() * 0.01;
        robot.interact(() -> bar.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, x, 15, 0, 0, false, false, false, false,
                false, false, 0, 200, 0, 200, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertEquals(Math.pow(1.25, 5), bar.viewportProperty().get().zoom(), 1e-9);
        assertEquals(0, bar.viewportProperty().get().from(), 1 << 26, "zoomed around the pointer near the start");
        Screenshots.save(pane, "memory-map-wheel-zoom");
    }

    @Test
    void virtualLayoutShowsTheDirectMapWhereAddrsTsvPutsIt(FxRobot robot) throws IOException {
        String header = Files.readAllLines(CorpusSession.truth("addrs.tsv")).getFirst();
        Matcher m = Pattern.compile("page_offset_base=0x(\\p{XDigit}+)").matcher(header);
        assertTrue(m.find(), header);
        TableView<VirtualRegion> regions = robot.lookup(".region-table").queryTableView();
        VirtualRegion direct = regions.getItems().stream().filter(r -> r.name().equals("direct map")).findFirst().orElseThrow();
        assertEquals(Hex.of(Hex.parse(m.group(1))), Hex.of(direct.start()));
        robot.interact(() -> regions.getSelectionModel().select(direct));
        Screenshots.save(pane, "memory-map-direct-map");
    }
}
