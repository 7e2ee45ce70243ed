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
import dev.vmscope.views.ptdump.PtdumpModel;
import dev.vmscope.views.ptdump.PtdumpPane;
import dev.vmscope.views.regs.RegistersModel;
import dev.vmscope.views.regs.RegistersPane;
import dev.vmscope.views.walk.WalkModel;
import dev.vmscope.views.walk.WalkPane;
import dev.vmscope.views.xen.XenModel;
import dev.vmscope.views.xen.XenPane;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every pane over one session, as tabs, and the way between them: a register's root opens the walk
 * with it, a walk's page opens in the hex view, a memory range opens at its start. A pane is built
 * the first time it is shown; {@link #refresh} builds the shown one again over fresh reads. The Xen
 * page is there only for a Xen host's dump.
 */
public final class ExplorerPane extends TabPane implements Navigation {
    private final Map<Page, Tab> tabs = new EnumMap<>(Page.class);
    private final Map<Page, Supplier<Node>> makers = new EnumMap<>(Page.class);
    private final WalkModel walkModel;
    private static final javafx.scene.input.KeyCombination PTDUMP_KEY = javafx.scene.input.KeyCombination.keyCombination("Shortcut+6");
    private final ReadOnlyObjectWrapper<Page> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    public ExplorerPane(Session session) {
        getStyleClass().add("explorer");
        Stylesheets.apply(this, ExplorerPane.class, "explorer.css");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        walkModel = new WalkModel(session);
        makers.put(Page.INFO, () -> new InfoPane(new InfoModel(session)));
        makers.put(Page.MEMORY_MAP, () -> new MemoryMapPane(new MemoryMapModel(session), this));
        makers.put(Page.WALK, () -> new WalkPane(walkModel, this));
        makers.put(Page.REGISTERS, () -> new RegistersPane(new RegistersModel(session), this));
        makers.put(Page.HEX, () -> new HexPane(new HexModel(session), walkModel.symbols().tableProperty()));
        makers.put(Page.PTDUMP, () -> new PtdumpPane(new PtdumpModel(session, walkModel), this));
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (PTDUMP_KEY.match(e)) {
                show(Page.PTDUMP);
                e.consume();
            }
        });
        session.xenHost().ifPresent(x -> makers.put(Page.XEN, () -> new XenPane(new XenModel(session, x), this)));
        for (Page p : makers.keySet()) {
            Tab tab = new Tab(p.title());
            tab.setId("page-" + p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            tab.setUserData(p);
            tab.setOnSelectionChanged(e -> pane(p));
            tabs.put(p, tab);
            getTabs().add(tab);
        }
        shown.bind(getSelectionModel().selectedItemProperty().map(t -> (Page) t.getUserData()));
        pane(shown());
    }

    /** The page shown; follows the user's choice of tab. */
    public ReadOnlyObjectProperty<Page> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether this session has {@code page} (the Xen page only for a Xen host). */
    public boolean has(Page page) {
        return tabs.containsKey(page);
    }

    /**
     * Builds the shown pane again, so that it reads its data afresh (for a live source, memory as it is
     * now); the walk walks its address again and the hex view stays at its address.
     */
    public void refresh() {
        Page page = shown();
        Tab tab = tabs.get(page);
        Node old = tab.getContent();
        tab.setContent(makers.get(page).get());
        if (page == Page.WALK) {
            Optional.ofNullable(walkModel.translationProperty().get()).ifPresent(t -> walkModel.walk(t.virtualAddress()));
        } else if (page == Page.HEX && old instanceof HexPane before) {
            ((HexPane) tab.getContent()).show(before.position().space(), before.position().value());
        }
    }

    /** The pane of a page, built now if it has not been shown yet. */
    private Node pane(Page page) {
        Tab tab = tabs.get(page);
        if (tab.getContent() == null) {
            tab.setContent(makers.get(page).get());
        }
        return tab.getContent();
    }

    /** Shows {@code page}; a page this session lacks (Xen for another dump) leaves the shown one. */
    public void show(Page page) {
        if (!has(page)) {
            return;
        }
        pane(page);
        getSelectionModel().select(tabs.get(page));
    }

    public Page shown() {
        return shown.get() == null ? Page.INFO : shown.get();
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
