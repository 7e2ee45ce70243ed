package dev.vmscope.views.map;

import dev.vmscope.core.Hex;
import dev.vmscope.views.fx.Themes;
import dev.vmscope.views.fx.Unsigned;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;

/**
 * A horizontal bar of an address space drawn on a canvas, one coloured run per segment, with
 * address labels beneath. Zooms around the pointer with the mouse wheel, with {@code +}/{@code -}
 * ({@code 0} shows everything), pans by dragging or with the arrow keys; hovering tells what is
 * under the pointer; a click selects a segment.
 */
public final class AddressBar extends Region {
    static final double BAR_HEIGHT = 34;
    static final double HEIGHT = BAR_HEIGHT + 26;

    private final long domainStart;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<BarViewport> viewport;
    private final ObjectProperty<BarSegment> selected = new SimpleObjectProperty<>(this, "selected");
    private final Tooltip tip = new Tooltip();
    private final BarPainter painter;
    private List<BarSegment> segments = List.of();

    /**
     * @param domainStart the lowest address the bar can show
     * @param span        how many bytes from there (up to 2^64)
     */
    public AddressBar(long domainStart, double span) {
        this.domainStart = domainStart;
        this.viewport = new SimpleObjectProperty<>(this, "viewport", BarViewport.whole(span));
        this.painter = new BarPainter(canvas, domainStart);
        getStyleClass().add("address-bar");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        tip.setShowDelay(Duration.millis(120));
        tip.setHideDelay(Duration.millis(80));
        Tooltip.install(canvas, tip);
        viewport.subscribe(this::redraw);
        selected.subscribe(this::redraw);
        focusedProperty().subscribe(this::redraw);
        Themes.dark(this).subscribe(on -> {
            painter.dark(on);
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> describe(e.getX()));
        BarGestures.install(this);
    }

    public void setSegments(List<BarSegment> list) {
        segments = List.copyOf(list);
        redraw();
    }

    /** The lowest address the bar can show. */
    public long domainStart() {
        return domainStart;
    }

    public List<BarSegment> segments() {
        return segments;
    }

    public ObjectProperty<BarViewport> viewportProperty() {
        return viewport;
    }

    /** The segment last clicked here or chosen elsewhere (a table row). */
    public ObjectProperty<BarSegment> selectedProperty() {
        return selected;
    }

    /** Zooms so that the segment fills most of the bar. */
    public void reveal(BarSegment s) {
        double start = offset(s.start());
        viewport.set(viewport.get().show(start, start + Unsigned.span(s.start(), s.end())));
    }

    public void zoomIn() {
        viewport.set(viewport.get().zoomAt(0.5, 2));
    }

    public void zoomOut() {
        viewport.set(viewport.get().zoomAt(0.5, 0.5));
    }

    public void showAll() {
        viewport.set(BarViewport.whole(viewport.get().span()));
    }

    /** The address under a horizontal position of the bar. */
    public long addressAt(double x) {
        return domainStart + Unsigned.fromDouble(viewport.get().offsetAt(x / Math.max(1, getWidth())));
    }

    private double offset(long address) {
        return Unsigned.toDouble(address - domainStart);
    }

    /** The segment under a horizontal position of the bar, if any. */
    Optional<BarSegment> segmentAt(double x) {
        double at = viewport.get().offsetAt(x / Math.max(1, getWidth()));
        for (BarSegment s : segments) {
            double start = offset(s.start());
            if (at >= start && at < start + Unsigned.span(s.start(), s.end())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** What the tooltip says now. */
    String tipText() {
        return tip.getText();
    }

    private void describe(double x) {
        tip.setText(segmentAt(x).map(BarSegment::tip)
                .orElse(Hex.of(addressAt(x)) + "\nnothing described here"));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        if (canvas.getWidth() != w || canvas.getHeight() != HEIGHT) {
            canvas.setWidth(w);
            canvas.setHeight(HEIGHT);
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    private void redraw() {
        painter.paint(viewport.get(), segments, selected.get(), isFocused());
    }
}
