package dev.vmscope.views.regs;

import dev.vmscope.core.Hex;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;
import dev.vmscope.core.notes.RegisterGroup;
import dev.vmscope.core.io.Space;
import dev.vmscope.views.Navigation;
import dev.vmscope.views.fx.Copyable;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The registers one note gives for one CPU, grouped (general, instruction and stack, flags,
 * segment, control, other), in aligned columns of name and hex value. A value's menu copies it, walks it
 * as a virtual address, or shows the bytes there.
 */
final class RegisterCard extends VBox {
    private static final List<RegisterGroup> ORDER = List.of(RegisterGroup.POINTER, RegisterGroup.GENERAL,
            RegisterGroup.FLAGS, RegisterGroup.CONTROL, RegisterGroup.SEGMENT, RegisterGroup.OTHER);

    RegisterCard(CpuState state, RegistersModel model, Navigation nav) {
        boolean canWalk = model.canWalk();
        getStyleClass().addAll("card", "register-card");
        Label title = new Label(state.source());
        title.getStyleClass().add("card-title");
        Label what = new Label("— " + RegistersModel.meaning(state.source()));
        what.getStyleClass().add("hint");
        getChildren().add(new HBox(6, title, what));
        Map<RegisterGroup, List<Register>> groups = state.registers().stream().collect(
                Collectors.groupingBy(Register::group, () -> new EnumMap<>(RegisterGroup.class), Collectors.toList()));
        for (RegisterGroup g : ORDER) {
            List<Register> regs = groups.get(g);
            if (regs == null) {
                continue;
            }
            Label name = new Label(g.title());
            name.getStyleClass().add("group-title");
            TilePane tiles = new TilePane();
            tiles.getStyleClass().add("register-tiles");
            for (Register r : regs) {
                tiles.getChildren().add(tile(r, model.othersWhereDifferent(state, r), canWalk, nav));
            }
            getChildren().addAll(name, tiles);
        }
        decoded(state, model);
    }

    /** The flags and control registers bit by bit, below the values. */
    private void decoded(CpuState state, RegistersModel model) {
        List<FlagsView> rows = state.registers().stream().flatMap(r -> model.flagTable(r).map(t -> {
            Map<Integer, Long> others = model.othersWhereDifferent(state, r);
            return new FlagsView(r, t, field -> t.field(field).map(f -> others.values().stream()
                    .anyMatch(o -> f.valueIn(o) != f.valueIn(r.value()))).orElse(false));
        }).stream()).toList();
        if (!rows.isEmpty()) {
            Label title = new Label("Flags, bit by bit");
            title.getStyleClass().add("group-title");
            getChildren().add(title);
            getChildren().addAll(rows);
        }
    }

    /** One register: its name, then its value right-aligned, at a fixed width so that columns line up. */
    private static HBox tile(Register r, Map<Integer, Long> others, boolean canWalk, Navigation nav) {
        Label name = new Label(r.name());
        name.getStyleClass().addAll("register-name", "code");
        Label value = new Label(Hex.of(r.value()));
        value.getStyleClass().addAll("register-value", "code", "reg-" + r.name());
        value.setMinWidth(Region.USE_PREF_SIZE);
        String elsewhere = others.entrySet().stream().map(e -> "CPU " + e.getKey() + ": " + Hex.of(e.getValue()))
                .reduce((a, b) -> a + ", " + b).map(x -> "\ndiffers on other CPUs — " + x).orElse("");
        value.setTooltip(new Tooltip(r.name() + " = " + Hex.of(r.value()) + " (" + r.width() * 8 + " bits) = "
                + Long.toUnsignedString(r.value()) + elsewhere));
        if (!others.isEmpty()) {
            value.getStyleClass().add("differs");
        }
        value.setContextMenu(menu(r, canWalk, nav));
        HBox tile = new HBox(name, value);
        tile.getStyleClass().add("register");
        return tile;
    }

    private static ContextMenu menu(Register r, boolean canWalk, Navigation nav) {
        MenuItem copy = new MenuItem("Copy " + Hex.of(r.value()));
        copy.setOnAction(e -> Copyable.copy(Hex.of(r.value())));
        MenuItem walk = new MenuItem("Walk " + Hex.of(r.value()) + " as a virtual address");
        walk.setOnAction(e -> nav.walk(r.value()));
        MenuItem hex = new MenuItem("Show the bytes at virtual " + Hex.of(r.value()));
        hex.setOnAction(e -> nav.showHex(Space.KERNEL_VIRTUAL, r.value()));
        walk.setDisable(!canWalk);
        hex.setDisable(!canWalk);
        return new ContextMenu(copy, walk, hex);
    }
}
