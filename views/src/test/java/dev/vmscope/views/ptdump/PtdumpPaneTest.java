package dev.vmscope.views.ptdump;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import dev.vmscope.views.testing.VtopTruth;
import dev.vmscope.views.walk.WalkModel;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ptdump pane over the x86-64 corpus dump's kernel page table. */
@ExtendWith(ApplicationExtension.class)
class PtdumpPaneTest {
    private final List<Long> walked = new CopyOnWriteArrayList<>();
    private PtdumpPane pane;
    private PtdumpModel model;

    @Start
    void start(Stage stage) {
        model = new PtdumpModel(CorpusSession.get(), new WalkModel(CorpusSession.get()));
        Navigation nav = new Navigation() {
            @Override
            public void walk(long virtualAddress) {
                walked.add(virtualAddress);
            }

            @Override
            public void useCpuRoot(int cpu) {
            }

            @Override
            public void showHex(dev.vmscope.core.io.Space space, long address) {
            }
        };
        pane = new PtdumpPane(model, nav);
        stage.setScene(new Scene(pane, 1400, 850));
        stage.show();
    }

    private List<MappingRange> shownRanges() {
        List<MappingRange> out = new ArrayList<>();
        for (MappingGroup g : model.groupsProperty().get()) {
            out.addAll(g.ranges());
        }
        return out;
    }

    private void computed() {
        Fx.waitUntil(() -> model.resultProperty().get() != null);
    }

    @Test
    void searchingATruthAddressFindsTheOneRangeThatMapsItToTheTruthPage(FxRobot robot) {
        computed();
        VtopTruth row = VtopTruth.first(r -> r.kind().equals("vmalloc") && r.mapped());
        robot.clickOn(".ptdump-search").write(Hex.of(row.va()));
        Fx.waitUntil(() -> shownRanges().size() == 1);
        MappingRange r = shownRanges().getFirst();
        assertEquals(row.physical(), r.physical() + (row.va() - r.start()));
        Screenshots.save(pane, "ptdump-search");
    }

    @Test
    void theWxFilterAgreesWithTheKernelsOwnCheck(FxRobot robot) throws Exception {
        computed();
        // dmesg: "x86/mm: Checked W+X mappings: passed, no W+X pages found."
        assertTrue(Files.readString(CorpusSession.truth("truth/dmesg.txt")).contains("Checked W+X mappings: passed, no W+X pages found."));
        int all = shownRanges().size();
        assertTrue(all > 100, "ranges: " + all);
        robot.clickOn(".filter-wx");
        Fx.waitUntil(() -> shownRanges().size() < all);
        assertEquals(List.of(), shownRanges());
        assertTrue(Fx.texts(pane, "ptdump-status").getFirst().startsWith("0 of " + all + " ranges"));
    }

    @Test
    void hugePagesOnlyListsRangesOfLargePagesAndGroupsThemByPml4Entry(FxRobot robot) {
        computed();
        robot.clickOn(".filter-huge");
        Fx.waitUntil(() -> !shownRanges().isEmpty() && shownRanges().stream().allMatch(r -> r.pageSize() > 4096));
        VtopTruth stext = VtopTruth.first(r -> r.label().equals("_stext"));
        MappingGroup text = model.groupsProperty().get().stream().filter(g -> g.index() == 511).findFirst().orElseThrow();
        assertEquals("PML4", text.level());
        assertTrue(text.ranges().stream().anyMatch(r -> r.start() <= stext.va() && stext.va() < r.end()),
                "the kernel text is mapped by 2 MiB pages");
        robot.interact(() -> robot.lookup(".ptdump-tree").queryAs(PtdumpTree.class).getRoot().getChildren().forEach(i -> i.setExpanded(true)));
        Screenshots.save(pane, "ptdump-huge");
    }

    @Test
    void doubleClickingARangeWalksItsStart(FxRobot robot) {
        computed();
        robot.clickOn(".ptdump-search").write("0x" + Long.toHexString(VtopTruth.first(r -> r.label().equals("_stext")).va()));
        Fx.waitUntil(() -> shownRanges().size() == 1);
        MappingRange r = shownRanges().getFirst();
        PtdumpTree tree = robot.lookup(".ptdump-tree").queryAs(PtdumpTree.class);
        TreeItem<PtdumpRow> leaf = tree.getRoot().getChildren().getFirst().getChildren().getFirst();
        robot.interact(() -> tree.getSelectionModel().select(leaf));
        robot.doubleClickOn(robot.lookup(".ptdump-tree .tree-table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TreeTableRow<?>) n).getItem() == leaf.getValue()).findFirst().orElseThrow());
        Fx.waitUntil(() -> walked.contains(r.start()));
    }
}
