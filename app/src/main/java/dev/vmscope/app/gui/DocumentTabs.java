package dev.vmscope.app.gui;

import dev.vmscope.views.explorer.ExplorerPane;
import dev.vmscope.views.explorer.Page;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The open documents as closeable tabs, each holding an explorer over its session; the tab selected
 * and the model's selected document follow each other. A live source's tab carries a LIVE badge.
 */
final class DocumentTabs {
    private final TabPane tabs = new TabPane();
    private final Map<Document, Tab> byDocument = new IdentityHashMap<>();
    private final WindowModel model;

    /**
     * @param firstPage the page a new document's explorer opens on (the one shown last)
     * @param shown     told the page the user turns to in any explorer
     */
    DocumentTabs(WindowModel model, Supplier<Page> firstPage, Consumer<Page> shown) {
        this.model = model;
        tabs.getStyleClass().add("documents");
        tabs.setId("documents");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        tabs.setAccessibleText("Open dumps");
        model.documents().addListener((ListChangeListener<Document>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(d -> Optional.ofNullable(byDocument.remove(d)).ifPresent(tabs.getTabs()::remove));
                c.getAddedSubList().forEach(d -> add(d, firstPage, shown));
            }
        });
        model.selectedProperty().subscribe(d -> {
            if (d != null && byDocument.containsKey(d)) {
                tabs.getSelectionModel().select(byDocument.get(d));
            }
        });
        tabs.getSelectionModel().selectedItemProperty().subscribe(t -> {
            if (t != null) {
                model.selectedProperty().set((Document) t.getUserData());
            }
        });
    }

    private void add(Document d, Supplier<Page> firstPage, Consumer<Page> shown) {
        ExplorerPane explorer = new ExplorerPane(d.session());
        explorer.show(firstPage.get());
        explorer.shownProperty().subscribe(p -> {
            if (p != null) {
                shown.accept(p);
            }
        });
        Tab tab = new Tab(d.title(), explorer);
        tab.setUserData(d);
        tab.setTooltip(new Tooltip(d.source().name() + (d.live() ? " — live: the bytes can change between reads" : "")));
        if (d.live()) {
            Label badge = new Label("LIVE");
            badge.getStyleClass().add("live-badge");
            badge.setAccessibleText("live source");
            tab.setGraphic(badge);
        }
        tab.setOnClosed(e -> model.close(d));
        byDocument.put(d, tab);
        tabs.getTabs().add(tab);
    }

    /** The explorer of the selected document, if one is open. */
    Optional<ExplorerPane> explorer() {
        return Optional.ofNullable(model.selectedProperty().get()).map(byDocument::get)
                .map(t -> (ExplorerPane) t.getContent());
    }

    TabPane node() {
        return tabs;
    }
}
