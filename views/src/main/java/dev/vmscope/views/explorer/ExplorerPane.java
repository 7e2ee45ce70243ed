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
import java.util.Map;

/**
 * Every pane over one session, as tabs, and the way between them: a register's root opens the walk
 * with it, a walk's page opens in the hex view, a memory range opens at its start.
 */
public final class ExplorerPane extends TabPane implements Navigation {
    private final Map<Page, Tab> tabs = new EnumMap<>(Page.class);
    private final WalkPane walk;
    private final WalkModel walkModel;
    private final HexPane hex;

    public ExplorerPane(Session session) {
        getStyleClass().add("explorer");
        Stylesheets.apply(this, ExplorerPane.class, "explorer.css");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        walkModel = new WalkModel(session);
        walk = new WalkPane(walkModel, this);
        hex = new HexPane(new HexModel(session));
        add(Page.INFO, new InfoPane(new InfoModel(session)));
        add(Page.MEMORY_MAP, new MemoryMapPane(new MemoryMapModel(session), this));
        add(Page.WALK, walk);
        add(Page.REGISTERS, new RegistersPane(new RegistersModel(session), this));
        add(Page.HEX, hex);
    }

    private void add(Page page, Node content) {
        Tab tab = new Tab(page.title(), content);
        tab.setId("page-" + page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        tabs.put(page, tab);
        getTabs().add(tab);
    }

    public void show(Page page) {
        getSelectionModel().select(tabs.get(page));
    }

    public Page shown() {
        return tabs.entrySet().stream().filter(e -> e.getValue() == getSelectionModel().getSelectedItem())
                .map(Map.Entry::getKey).findFirst().orElse(Page.INFO);
    }

    /** Shows the walk pane with the keyboard in its address field. */
    public void focusWalk() {
        show(Page.WALK);
        walk.focusAddress();
    }

    /** Shows the hex view with the keyboard in its "go to" field. */
    public void focusHex() {
        show(Page.HEX);
        hex.focusAddress();
    }

    @Override
    public void walk(long virtualAddress) {
        show(Page.WALK);
        walk.walk(virtualAddress);
    }

    @Override
    public void useCpuRoot(int cpu) {
        walkModel.useCpuRoot(cpu);
        focusWalk();
    }

    @Override
    public void showHex(Space space, long address) {
        show(Page.HEX);
        hex.show(space, address);
    }
}
