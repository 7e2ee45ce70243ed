package dev.vmscope.views.regs;

import dev.vmscope.core.Hex;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Stylesheets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Every CPU's registers, one tab per CPU, one card per note that gave them. Where a note gives the
 * CPU's page-table root, a button walks with it.
 */
public final class RegistersPane extends BorderPane {
    private final TabPane tabs = new TabPane();

    public RegistersPane(RegistersModel model, Navigation nav) {
        getStyleClass().add("registers-pane");
        Stylesheets.apply(this, RegistersPane.class, "regs.css");
        if (model.cpus().isEmpty()) {
            Label none = new Label("The dump's notes give no CPU registers.");
            none.getStyleClass().add("placeholder-text");
            setCenter(none);
            return;
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (int cpu : model.cpus()) {
            Tab tab = new Tab("CPU " + cpu, cpuView(model, cpu, nav));
            tab.setId("cpu-" + cpu);
            tabs.getTabs().add(tab);
        }
        setCenter(tabs);
    }

    private static ScrollPane cpuView(RegistersModel model, int cpu, Navigation nav) {
        VBox box = new VBox();
        box.getStyleClass().add("cpu-view");
        HBox top = new HBox();
        top.getStyleClass().add("cpu-top");
        Label title = new Label("CPU " + cpu);
        title.getStyleClass().add("section-title");
        Label notes = new Label(String.join(" + ", model.states(cpu).stream().map(CpuState::source).toList()));
        notes.getStyleClass().add("section-subtitle");
        top.getChildren().addAll(title, notes);
        model.root(cpu).ifPresent(root -> {
            Button walk = new Button("Walk with this CPU's root (" + model.rootName(cpu) + " " + Hex.of(root) + ")");
            walk.getStyleClass().add("walk-with-root");
            walk.setDisable(!model.canWalk());
            walk.setOnAction(e -> nav.useCpuRoot(cpu));
            top.getChildren().add(walk);
        });
        box.getChildren().add(top);
        for (CpuState s : model.states(cpu)) {
            box.getChildren().add(new RegisterCard(s, model, nav));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("cpu-scroll");
        return scroll;
    }

    /** Shows CPU {@code cpu}'s tab. */
    public void select(int cpu) {
        tabs.getTabs().stream().filter(t -> ("cpu-" + cpu).equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
