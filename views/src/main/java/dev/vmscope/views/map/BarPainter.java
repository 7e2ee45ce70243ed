package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.views.fx.Unsigned;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** Draws an {@link AddressBar}: the track, the segments with their names where they fit, the address ticks. */
final class BarPainter {
    /** The light and the dark theme's track, edge, selection and tick colours. */
    private record Palette(Color track, Color edge, Color selected, Color tick) {
    }

    private static final Palette LIGHT = new Palette(Color.web("#eef1f5"), Color.web("#c3cbd6"), Color.web("#111827"), Color.web("#6b7280"));
    private static final Palette DARK = new Palette(Color.web("#2a2f37"), Color.web("#4a525e"), Color.web("#f8fafc"), Color.web("#a3acb9"));
    private static final Color FOCUS = Color.web("#3b82f6");
    private static final Color PAGE_LINE = Color.web("#ffffff", 0.55);
    private static final double PAGE = 4096;
    private static final double MIN_PAGE_PIXELS = 6;
    private static final Font LABEL = Font.font("System", 12);
    private static final Font TICKS = Font.font("Monospaced", 10.5);
    private static final double TOP = 2;

    private final Canvas canvas;
    private final long domainStart;

    BarPainter(Canvas canvas, long domainStart) {
        this.canvas = canvas;
        this.domainStart = domainStart;
    }

    private Palette palette = LIGHT;

    /** Paints in the dark theme's colours, or the light ones. */
    void dark(boolean on) {
        palette = on ? DARK : LIGHT;
    }

    void paint(BarViewport view, List<BarSegment> segments, BarSegment selected, boolean focused) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        if (w <= 2) {
            return;
        }
        double h = AddressBar.BAR_HEIGHT - 2 * TOP;
        g.setFill(palette.track());
        g.fillRoundRect(0.5, TOP, w - 1, h, 6, 6);
        for (BarSegment s : segments) {
            paintSegment(g, view, s, w, h, s.equals(selected));
        }
        paintPages(g, view, w, h);
        g.setStroke(focused ? FOCUS : palette.edge());
        g.setLineWidth(focused ? 2 : 1);
        g.strokeRoundRect(0.5, TOP, w - 1, h, 6, 6);
        paintTicks(g, view, w);
    }

    private void paintSegment(GraphicsContext g, BarViewport view, BarSegment s, double w, double h, boolean selected) {
        double start = Unsigned.toDouble(s.start() - domainStart);
        double x0 = view.fractionOf(start) * w;
        double x1 = view.fractionOf(start + Unsigned.span(s.start(), s.end())) * w;
        if (x1 < 0 || x0 > w) {
            return;
        }
        double left = Math.max(0, x0);
        double right = Math.min(w, Math.max(x1, x0 + 1.5));
        g.setFill(s.color());
        g.fillRect(left, TOP + 1, right - left, h - 2);
        if (selected) {
            g.setStroke(palette.selected());
            g.setLineWidth(2);
            g.strokeRect(left + 1, TOP + 1, Math.max(1, right - left - 2), h - 2);
        }
        paintLabel(g, s, left, right, h);
    }

    /** Once a page is wide enough to see, thin lines between pages. */
    private void paintPages(GraphicsContext g, BarViewport view, double w, double h) {
        double perPage = PAGE / view.width() * w;
        if (perPage < MIN_PAGE_PIXELS) {
            return;
        }
        g.setStroke(PAGE_LINE);
        g.setLineWidth(1);
        double first = Math.ceil(view.from() / PAGE) * PAGE;
        for (double at = first; at < view.to(); at += PAGE) {
            double x = Math.round(view.fractionOf(at) * w) + 0.5;
            g.strokeLine(x, TOP + 1, x, TOP + h - 1);
        }
    }

    private static void paintLabel(GraphicsContext g, BarSegment s, double left, double right, double h) {
        double room = right - left - 10;
        if (room < 24 || s.label().isEmpty()) {
            return;
        }
        if (textWidth(s.label()) > room) {
            return;
        }
        g.setFont(LABEL);
        g.setFill(s.color().getBrightness() > 0.75 && s.color().getSaturation() < 0.5 ? Color.web("#1f2937") : Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.label(), (left + right) / 2, TOP + h / 2);
    }

    private void paintTicks(GraphicsContext g, BarViewport view, double w) {
        g.setFont(TICKS);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(palette.tick());
        g.setLineWidth(1);
        double y = AddressBar.BAR_HEIGHT;
        double lastRight = Double.NEGATIVE_INFINITY;
        double room = Unsigned.span(domainStart, 0);
        for (double t : BarTicks.of(view, w, 170)) {
            if (t >= room) {
                continue; // 2^64 is past the last address
            }
            double x = Math.round(view.fractionOf(t) * w) + 0.5;
            String text = Hex.of(domainStart + Unsigned.fromDouble(t));
            double tw = textWidth(text, TICKS);
            double tx = Math.max(0, Math.min(w - tw, x - tw / 2));
            if (tx <= lastRight + 8) {
                continue;
            }
            g.strokeLine(x, y - 2, x, y + 3);
            g.setFill(palette.tick());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(text, tx, y + 5);
            lastRight = tx + tw;
        }
    }

    private static double textWidth(String s) {
        return textWidth(s, LABEL);
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
