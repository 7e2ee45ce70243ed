package dev.vmscope.views.map;

import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Stylesheets;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The memory map: the dump's physical (or machine) ranges as a zoomable bar coloured by kind with
 * their table, and the kernel's virtual layout the same way; for a Xen host, a second bar says who owns
 * the machine memory. Opening a row shows its first bytes in the hex view, a double click on a bar the
 * page under the pointer.
 */
public final class MemoryMapPane extends BorderPane {
    private final BarSection<MemoryRange> physical;

    public MemoryMapPane(MemoryMapModel model, Navigation nav) {
        getStyleClass().add("memory-map-pane");
        Stylesheets.apply(this, MemoryMapPane.class, "map.css");
        Space space = model.space();
        AddressBar pbar = new AddressBar(model.physicalStart(), model.physicalSpan());
        pbar.setSegments(model.physicalSegments());
        pbar.setAccessibleText(capital(space.word()) + " memory ranges by kind; + and − zoom, the arrows pan, a double click opens the bytes");
        Legend legend = new Legend();
        for (RangeKind k : RangeKind.values()) {
            legend.add(MapColors.of(k), MapColors.words(k));
        }
        physical = new BarSection<>(capital(space.word()) + " memory", model.physicalSummary(), pbar, legend,
                RangeTable.of(model.ranges()), r -> nav.showHex(space, r.start()), a -> nav.showHex(space, a));
        model.ownerSegments().ifPresent(owners -> {
            AddressBar obar = new AddressBar(model.physicalStart(), model.physicalSpan());
            obar.getStyleClass().add("owner-bar");
            obar.setAccessibleText("Who owns the machine memory: Xen, dom0, the kdump area");
            obar.setSegments(owners);
            obar.viewportProperty().bindBidirectional(pbar.viewportProperty());
            BarSection.wireBarOpen(obar, a -> nav.showHex(space, a));
            physical.addUnderBar(obar, XenOwners.legend());
        });
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
        vbar.setAccessibleText("Kernel virtual layout; + and − zoom, the arrows pan, a double click opens the bytes");
        Legend legend = new Legend();
        regions.forEach(r -> legend.add(MapColors.region(r.name()), r.name()));
        BarSection<VirtualRegion> section = new BarSection<>("Kernel virtual layout", regions.size() + " regions in the kernel half",
                vbar, legend, RegionTable.of(regions), r -> nav.showHex(Space.KERNEL_VIRTUAL, r.start()),
                a -> nav.showHex(Space.KERNEL_VIRTUAL, a));
        walkMenu(vbar, nav);
        return section;
    }

    /** A right click on the virtual bar offers the page-table walk of the address under the pointer. */
    private static void walkMenu(AddressBar bar, Navigation nav) {
        MenuItem walk = new MenuItem("Walk the page tables here");
        MenuItem bytes = new MenuItem("Show the bytes here");
        ContextMenu menu = new ContextMenu(walk, bytes);
        bar.setOnContextMenuRequested(e -> {
            long at = bar.addressAt(e.getX()) & -4096L;
            walk.setText("Walk the page tables at " + dev.vmscope.core.Hex.of(at));
            walk.setOnAction(a -> nav.walk(at));
            bytes.setOnAction(a -> nav.showHex(Space.KERNEL_VIRTUAL, at));
            menu.show(bar, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The physical bar, for keyboard focus from a menu. */
    public AddressBar physicalBar() {
        return physical.bar();
    }
}
