package dev.vmscope.views.xen;

import dev.vmscope.views.fx.Copyable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.function.Function;

/** Each CPU's CR0, CR2, CR3 and CR4 from the {@code CRASH_REGS} notes, one row per CPU, values copyable. */
final class CrashRegsGrid {
    private static final List<String> NAMES = List.of("CPU", "CR0", "CR2", "CR3", "CR4");
    private static final List<Function<XenModel.CrashRegs, String>> VALUES = List.of(r -> Integer.toString(r.cpu()),
            XenModel.CrashRegs::cr0, XenModel.CrashRegs::cr2, XenModel.CrashRegs::cr3, XenModel.CrashRegs::cr4);

    private CrashRegsGrid() {
    }

    static Node of(List<XenModel.CrashRegs> cpus) {
        if (cpus.isEmpty()) {
            Label none = new Label("No CRASH_REGS notes in this dump");
            none.getStyleClass().add("hint");
            return none;
        }
        GridPane g = new GridPane();
        g.getStyleClass().add("xen-crash-regs");
        g.setAccessibleText("Control registers of each CPU from the CRASH_REGS notes");
        for (int c = 0; c < NAMES.size(); c++) {
            Label h = new Label(NAMES.get(c));
            h.getStyleClass().add("fact-name");
            g.add(h, c, 0);
            for (int r = 0; r < cpus.size(); r++) {
                Label v = Copyable.copyable(new Label(VALUES.get(c).apply(cpus.get(r))));
                v.getStyleClass().addAll("fact-code", "xen-" + NAMES.get(c).toLowerCase(java.util.Locale.ROOT));
                g.add(v, c, r + 1);
            }
        }
        return g;
    }
}
