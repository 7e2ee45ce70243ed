package dev.vmscope.views.xen;

import dev.vmscope.core.xen.P2mKind;
import javafx.scene.paint.Color;

import java.util.Map;

/** The p2m picture's colours per kind, one place for the lines and the legend; they read on light and dark surfaces. */
final class P2mColors {
    private static final Map<P2mKind, Color> KINDS = Map.of(
            P2mKind.MAPPED, Color.web("#2f9e63"),
            P2mKind.IDENTITY, Color.web("#3b8ee8"),
            P2mKind.FOREIGN, Color.web("#f08c00"),
            P2mKind.INVALID, Color.web("#e03131"),
            P2mKind.UNREACHABLE, Color.web("#8a94a3"));
    /** Axis text and grid: mid-grey, legible on both themes' cards. */
    static final Color AXIS = Color.web("#8a94a3");

    private P2mColors() {
    }

    static Color of(P2mKind kind) {
        return KINDS.get(kind);
    }
}
