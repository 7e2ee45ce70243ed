package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The p2m picture's frame: tick lines and hex labels, pfn across and mfn up. */
final class P2mAxes {
    private static final int TICKS = 6;
    private static final Font FONT = Font.font("Monospaced", 11);

    private P2mAxes() {
    }

    static void paint(GraphicsContext g, P2mView v, double left, double top, double w, double h) {
        g.setFont(FONT);
        g.setStroke(P2mColors.AXIS.deriveColor(0, 1, 1, 0.35));
        g.setFill(P2mColors.AXIS);
        g.setLineWidth(1);
        g.strokeRect(left, top, w, h);
        for (int i = 0; i <= TICKS; i++) {
            double f = (double) i / TICKS;
            double x = left + f * w;
            double y = top + h - f * h;
            g.strokeLine(x, top, x, top + h);
            g.strokeLine(left, y, left + w, y);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == TICKS ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(Hex.of((long) (v.pfnLo() + f * (v.pfnHi() - v.pfnLo()))), x, top + h + 10);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Hex.of((long) Math.max(0, v.mfnLo() + f * (v.mfnHi() - v.mfnLo()))), left - 6, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("mfn ↑", 4, top);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("pfn →", left + w, top + h + 22);
    }
}
