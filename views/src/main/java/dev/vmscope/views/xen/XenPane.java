package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xen.P2mKind;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Columns;
import dev.vmscope.views.fx.FactGrid;
import dev.vmscope.views.fx.Stylesheets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The Xen pane of a Xen host's dump: the hypervisor's version, {@code xen_phys_start}, notes and
 * strings, each CPU's control registers from {@code CRASH_REGS}, then dom0's p2m as a picture and a
 * table, with lookups both ways.
 */
public final class XenPane extends BorderPane {
    private final XenModel model;

    public XenPane(XenModel model, Navigation navigation) {
        this.model = model;
        getStyleClass().add("xen-pane");
        Stylesheets.apply(this, XenPane.class, "xen.css");
        setTop(header());
        SplitPane split = new SplitPane(facts(), p2m(navigation));
        split.setDividerPositions(0.34);
        setCenter(split);
    }

    private Node header() {
        Label title = new Label("Xen hypervisor");
        title.getStyleClass().add("section-title");
        Label sub = new Label("Xen " + model.version() + " · machine addresses; dom0 is a PV domain");
        sub.getStyleClass().add("section-subtitle");
        HBox h = new HBox(title, sub);
        h.getStyleClass().add("pane-header");
        return h;
    }

    private Node facts() {
        FactGrid grid = new FactGrid();
        grid.getStyleClass().add("xen-facts");
        model.facts().forEach(f -> grid.add(f.name(), f.value(), f.value().matches("(0x|mfn |root ).*"),
                f.origin().isEmpty() ? null : f.origin()));
        FactGrid strings = new FactGrid();
        strings.getStyleClass().add("xen-strings");
        model.strings().forEach(f -> strings.add(f.name(), f.value(), false, f.origin()));
        VBox box = new VBox(card("Hypervisor", grid), card("Strings of crash_xen_info", strings),
                card("CRASH_REGS (per CPU)", CrashRegsGrid.of(model.crashRegs())));
        box.getStyleClass().add("xen-column");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node p2m(Navigation navigation) {
        if (model.map().isEmpty()) {
            Label why = new Label("dom0's p2m was not found: " + model.dom0Explanation());
            why.getStyleClass().addAll("placeholder-text", "xen-no-p2m");
            return why;
        }
        P2mMap map = model.map().get();
        XenLookupBox lookup = new XenLookupBox(model, navigation);
        P2mPicture picture = new P2mPicture(map, lookup::lookUpPfn);
        Label hover = new Label();
        hover.getStyleClass().addAll("code", "hint", "p2m-hover");
        hover.textProperty().bind(picture.pointedProperty().map(h -> h.isEmpty()
                ? "Hover a run; the wheel zooms, drag pans, double click shows all, a click looks the pfn up" : h));
        TableView<P2mRow> runs = new TableView<>();
        runs.getStyleClass().add("p2m-runs");
        runs.setAccessibleText("dom0's p2m runs");
        runs.getColumns().addAll(java.util.List.of(Columns.code("pfn", P2mRow::pfnText), Columns.code("mfn", P2mRow::mfnText),
                Columns.code("count", r -> Long.toString(r.count())), Columns.text("kind", r -> r.kind().id()),
                Columns.text("note", P2mRow::note)));
        runs.getItems().setAll(P2mRow.of(map));
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r != null) {
                lookup.lookUpPfn(r.pfn());
            }
        });
        Label title = new Label("dom0's p2m · " + map.layout() + " · " + map.runs().size() + " runs, " + map.backedCount()
                + " backed pfns, " + map.invalidCount() + " invalid, max_pfn " + Hex.of(map.maxPfn().value()));
        title.getStyleClass().add("card-title");
        VBox plot = new VBox(title, picture, hover, legend());
        plot.getStyleClass().addAll("card", "p2m-card");
        VBox.setVgrow(picture, Priority.ALWAYS);
        SplitPane right = new SplitPane(plot, new VBox(lookup, runs));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.58);
        VBox.setVgrow(runs, Priority.ALWAYS);
        return right;
    }

    private static Node legend() {
        HBox h = new HBox();
        h.getStyleClass().add("p2m-legend");
        for (P2mKind k : P2mKind.values()) {
            Rectangle swatch = new Rectangle(14, 4, P2mColors.of(k));
            Label l = new Label(k.id() + (k.backed() ? "" : " (band under the axis)"), swatch);
            l.getStyleClass().add("p2m-legend-" + k.id());
            h.getChildren().add(l);
        }
        return h;
    }

    private static Node card(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox c = new VBox(t, content);
        c.getStyleClass().add("card");
        return c;
    }
}
