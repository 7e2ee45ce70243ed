package dev.vmscope.views.info;

import dev.vmscope.core.format.FormatField;
import dev.vmscope.views.fx.FactGrid;
import dev.vmscope.views.fx.Stylesheets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * What the dump is: a summary (format, architecture, kernel, page-table root), the format's header
 * fields, the notes, and the VMCOREINFO lines with a filter.
 */
public final class InfoPane extends BorderPane {

    public InfoPane(InfoModel model) {
        getStyleClass().add("info-pane");
        Stylesheets.apply(this, InfoPane.class, "info.css");
        VBox left = new VBox(summary(model));
        left.getStyleClass().add("info-column");
        for (Map.Entry<String, List<FormatField>> section : model.header().entrySet()) {
            left.getChildren().add(section(section.getKey(), section.getValue()));
        }
        VBox notes = card("Notes", new NotesGrid(model.notes()));
        left.getChildren().add(notes);
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("info-scroll");
        if (model.vmcoreinfo().isEmpty()) {
            setCenter(scroll);
            return;
        }
        VBox right = new VBox(new VmcoreInfoTable(model.vmcoreinfo().get()));
        right.getStyleClass().add("info-column");
        VBox.setVgrow(right.getChildren().getFirst(), javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(scroll, right);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    private static VBox summary(InfoModel model) {
        FactGrid grid = new FactGrid();
        for (InfoModel.Fact f : model.summary()) {
            grid.add(f.name(), f.value(), f.code(), f.tip().isEmpty() ? null : f.tip())
                    .getStyleClass().add("summary-" + f.name().replace(' ', '-').toLowerCase(java.util.Locale.ROOT));
        }
        return card("Dump", grid);
    }

    private static VBox section(String title, List<FormatField> fields) {
        FactGrid grid = new FactGrid();
        for (FormatField f : fields) {
            grid.addCode(f.name(), f.value());
        }
        return card(title, grid);
    }

    private static VBox card(String title, javafx.scene.Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox card = new VBox(t, content);
        card.getStyleClass().addAll("card", "info-card");
        return card;
    }
}
