package dev.vmscope.views.explorer;

import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Stylesheets;
import dev.vmscope.views.hex.HexModel;
import dev.vmscope.views.hex.HexPane;
import dev.vmscope.views.info.InfoModel;
import dev.vmscope.views.info.InfoPane;
import dev.vmscope.views.map.MemoryMapModel;
import dev.vmscope.views.map.MemoryMapPane;
import dev.vmscope.views.regs.RegistersModel;
import dev.vmscope.views.regs.RegistersPane;
import dev.vmscope.views.walk.WalkModel;
import dev.vmscope.views.walk.WalkPane;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every pane over one session, as tabs, and the way between them: a register's root opens the walk
 * with it, a walk's page opens in the hex view, a memory range opens at its start. A pane is built
 * the first time it is shown.
 */
public final class ExplorerPane extends TabPane implements Navigation {
    private final Map<Page, Tab> tabs = new EnumMap<>(Page.class);
    private final Map<Page, Supplier<Node>> makers = new EnumMap<>(Page.class);
    private final WalkModel walkModel;

    public ExplorerPane(Session session) {
        getStyleClass().add("explorer");
        Stylesheets.apply(this, ExplorerPane.class, "explorer.css");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        walkModel = new WalkModel(session);
        makers.put(Page.INFO, () -> new InfoPane(new InfoModel(session)));
        makers.put(Page.MEMORY_MAP, () -> new MemoryMapPane(new MemoryMapModel(session), this));
        makers.put(Page.WALK, () -> new WalkPane(walkModel, this));
        makers.put(Page.REGISTERS, () -> new RegistersPane(new RegistersModel(session), this));
        makers.put(Page.HEX, () -> new HexPane(new HexModel(session)));
        for (Page p : Page.values()) {
            Tab tab = new Tab(p.title());
            tab.setId("page-" + p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            tab.setOnSelectionChanged(e -> pane(p));
            tabs.put(p, tab);
            getTabs().add(tab);
        }
        pane(shown());
    }

    /** The pane of a page, built now if it has not been shown yet. */
    private Node pane(Page page) {
        Tab tab = tabs.get(page);
        if (tab.getContent() == null) {
            tab.setContent(makers.get(page).get());
        }
        return tab.getContent();
    }

    public void show(Page page) {
        pane(page);
        getSelectionModel().select(tabs.get(page));
    }

    public Page shown() {
        return tabs.entrySet().stream().filter(e -> e.getValue() == getSelectionModel().getSelectedItem())
                .map(Map.Entry::getKey).findFirst().orElse(Page.INFO);
    }

    /** Shows the walk pane with the keyboard in its address field. */
    public void focusWalk() {
        show(Page.WALK);
        ((WalkPane) pane(Page.WALK)).focusAddress();
    }

    /** Shows the hex view with the keyboard in its "go to" field. */
    public void focusHex() {
        show(Page.HEX);
        ((HexPane) pane(Page.HEX)).focusAddress();
    }

    @Override
    public void walk(long virtualAddress) {
        show(Page.WALK);
        ((WalkPane) pane(Page.WALK)).walk(virtualAddress);
    }

    @Override
    public void useCpuRoot(int cpu) {
        walkModel.useCpuRoot(cpu);
        focusWalk();
    }

    @Override
    public void showHex(Space space, long address) {
        show(Page.HEX);
        ((HexPane) pane(Page.HEX)).show(space, address);
    }
}
