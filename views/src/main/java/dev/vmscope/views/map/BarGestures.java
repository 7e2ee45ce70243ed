package dev.vmscope.views.map;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * How a bar answers the mouse and keys: the wheel zooms around the pointer, dragging pans,
 * {@code +}/{@code -} zoom around the centre, {@code 0} or Home shows everything, the arrows pan,
 * a click selects the segment under the pointer.
 */
final class BarGestures {
    private static final double WHEEL_STEP = 1.25;

    private final AddressBar bar;
    private double dragX = Double.NaN;

    private BarGestures(AddressBar bar) {
        this.bar = bar;
    }

    static void install(AddressBar bar) {
        BarGestures g = new BarGestures(bar);
        bar.addEventHandler(ScrollEvent.SCROLL, g::onScroll);
        bar.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            bar.requestFocus();
            g.dragX = e.getX();
        });
        bar.addEventHandler(MouseEvent.MOUSE_DRAGGED, g::onDrag);
        bar.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress()) {
                bar.segmentAt(e.getX()).ifPresent(bar.selectedProperty()::set);
            }
        });
        bar.addEventHandler(KeyEvent.KEY_PRESSED, g::onKey);
    }

    private double fraction(double x) {
        return x / Math.max(1, bar.getWidth());
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(WHEEL_STEP, e.getDeltaY() / 40);
        bar.viewportProperty().set(bar.viewportProperty().get().zoomAt(fraction(e.getX()), factor));
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (!Double.isNaN(dragX)) {
            bar.viewportProperty().set(bar.viewportProperty().get().pan(fraction(dragX - e.getX())));
            dragX = e.getX();
        }
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> bar.zoomIn();
            case MINUS, SUBTRACT -> bar.zoomOut();
            case DIGIT0, NUMPAD0, HOME -> bar.showAll();
            case LEFT -> bar.viewportProperty().set(bar.viewportProperty().get().pan(-0.1));
            case RIGHT -> bar.viewportProperty().set(bar.viewportProperty().get().pan(0.1));
            default -> {
                return;
            }
        }
        e.consume();
    }
}
