package dev.vmscope.views.hex;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;

/**
 * The hex view's scroll bar over a space of up to 2^60 rows: the thumb shows where the window is,
 * dragging it jumps there, the arrows move one row and the track one page, exactly.
 */
final class HexScrollBar extends ScrollBar {
    private final HexModel model;
    private boolean following;

    HexScrollBar(HexModel model) {
        this.model = model;
        setOrientation(Orientation.VERTICAL);
        setMin(0);
        setMax(1);
        setFocusTraversable(false);
        model.windowProperty().subscribe(w -> {
            following = true;
            setValue(w.fraction());
            double total = Math.max(1, dev.vmscope.views.fx.Unsigned.toDouble(w.lastRow()) / HexRow.WIDTH + 1);
            setVisibleAmount(Math.max(0.02, Math.min(1, w.rows() / total)));
            following = false;
        });
        valueProperty().subscribe(v -> {
            if (!following) {
                model.scrollTo(v.doubleValue());
            }
        });
    }

    @Override
    public void increment() {
        model.scroll(1);
    }

    @Override
    public void decrement() {
        model.scroll(-1);
    }

    @Override
    public void adjustValue(double position) {
        model.page(position > getValue() ? 1 : -1);
    }
}
