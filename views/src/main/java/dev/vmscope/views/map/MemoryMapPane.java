package dev.vmscope.views.map;

import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Stylesheets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The memory map: the dump's physical (or machine) ranges as a zoomable bar coloured by kind with
 * their table, and the kernel's virtual layout the same way. Opening a row shows its first bytes in
 * the hex view.
 */
public final class MemoryMapPane extends BorderPane {
    private final BarSection<?> physical;

    public MemoryMapPane(MemoryMapModel model, Navigation nav) {
        getStyleClass().add("memory-map-pane");
        Stylesheets.apply(this, MemoryMapPane.class, "map.css");
        Space space = model.space();
        AddressBar pbar = new AddressBar(model.physicalStart(), model.physicalSpan());
        pbar.setSegments(model.physicalSegments());
        Legend legend = new Legend();
        for (RangeKind k : RangeKind.values()) {
            legend.add(MapColors.of(k), MapColors.words(k));
        }
        physical = new BarSection<>(capital(space.word()) + " memory", model.physicalSummary(), pbar, legend,
                RangeTable.of(model.ranges()), r -> nav.showHex(space, r.start()));
        SplitPane split = new SplitPane(physical, virtual(model, nav));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private static javafx.scene.Node virtual(MemoryMapModel model, Navigation nav) {
        if (model.regions().isEmpty()) {
            Label why = new Label("Kernel virtual layout unknown: " + model.noLayoutReason());
            why.getStyleClass().add("placeholder-text");
            why.setWrapText(true);
            VBox box = new VBox(why);
            box.getStyleClass().add("bar-section");
            return box;
        }
        List<VirtualRegion> regions = model.regions().get();
        AddressBar vbar = new AddressBar(model.virtualStart(), model.virtualSpan());
        vbar.setSegments(model.virtualSegments());
        Legend legend = new Legend();
        regions.forEach(r -> legend.add(MapColors.region(r.name()), r.name()));
        return new BarSection<>("Kernel virtual layout", regions.size() + " regions in the kernel half", vbar, legend,
                RegionTable.of(regions), r -> nav.showHex(Space.KERNEL_VIRTUAL, r.start()));
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The physical bar, for keyboard focus from a menu. */
    public AddressBar physicalBar() {
        return physical.bar();
    }
}
