package dev.vmscope.views.map;

import dev.vmscope.views.fx.Unsigned;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A thin strip over a bar that always shows the whole domain, with a frame around the part the bar
 * shows; pressing or dragging on it centres the bar's view there.
 */
final class MiniMap extends Region {
    static final double HEIGHT = 12;
    private static final Color WINDOW = Color.web("#3b82f6");

    private final AddressBar bar;
    private final long domainStart;
    private final Canvas canvas = new Canvas();

    MiniMap(AddressBar bar, long domainStart) {
        this.bar = bar;
        this.domainStart = domainStart;
        getStyleClass().add("mini-map");
        setAccessibleText("Overview of the whole range; the frame is the part the bar shows");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        bar.viewportProperty().subscribe(v -> paint());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> centre(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> centre(e.getX()));
    }

    /** Centres the bar's view on the point of the whole domain at {@code x}. */
    void centre(double x) {
        BarViewport v = bar.viewportProperty().get();
        double at = Math.max(0, Math.min(1, x / Math.max(1, getWidth()))) * v.span();
        bar.viewportProperty().set(v.pan((at - (v.from() + v.width() / 2)) / v.width()));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(HEIGHT);
        paint();
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, HEIGHT);
        if (w <= 2) {
            return;
        }
        BarViewport v = bar.viewportProperty().get();
        for (BarSegment s : bar.segments()) {
            double start = Unsigned.toDouble(s.start() - domainStart) / v.span() * w;
            double end = (Unsigned.toDouble(s.start() - domainStart) + Unsigned.span(s.start(), s.end())) / v.span() * w;
            g.setFill(s.color().deriveColor(0, 0.8, 1, 0.8));
            g.fillRect(start, 3, Math.max(1, end - start), HEIGHT - 6);
        }
        double x0 = v.from() / v.span() * w;
        double x1 = Math.max(x0 + 3, v.to() / v.span() * w);
        g.setStroke(WINDOW);
        g.setLineWidth(2);
        g.strokeRect(Math.max(1, x0), 1, Math.min(w - 1, x1) - Math.max(1, x0), HEIGHT - 2);
    }
}
