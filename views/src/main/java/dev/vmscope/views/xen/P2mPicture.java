package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.P2mRun;
import dev.vmscope.core.xen.PfnRange;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;

import java.util.function.LongConsumer;

/**
 * dom0's p2m as a picture: pfn on x, machine frame on y, each run a line segment (slope one), ranges
 * without a frame as bands under the axis; colours by kind. The wheel and + / − zoom at the pointer,
 * dragging and the arrows pan, 0 or a double click shows all; hovering names the run under the
 * pointer, a click looks its pfn up.
 */
final class P2mPicture extends Region {
    private static final double LEFT = 78;
    private static final double BOTTOM = 34;
    private static final double TOP = 8;
    private static final double RIGHT = 12;
    private static final double BAND = 6;

    private final Canvas canvas = new Canvas();
    private final P2mMap map;
    private final P2mView home;
    private final ObjectProperty<P2mView> view = new SimpleObjectProperty<>(this, "view");
    private final ReadOnlyStringWrapper pointed = new ReadOnlyStringWrapper(this, "pointed", "");
    private double dragX;
    private double dragY;

    /** @param clicked gets the pfn under a click */
    P2mPicture(P2mMap map, LongConsumer clicked) {
        this.map = map;
        long end = Math.max(map.maxPfn().value(), map.runs().isEmpty() ? 1 : map.runs().getLast().endPfn());
        this.home = P2mView.all(map.runs(), end);
        getStyleClass().add("p2m-picture");
        setFocusTraversable(true);
        setAccessibleText("Picture of dom0's p2m: pfn across, machine frame up");
        setMinHeight(220);
        setPrefHeight(320);
        getChildren().add(canvas);
        view.set(home);
        view.subscribe(v -> paint());
        setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX(), e.getY()));
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            view.set(view.get().pan(-(e.getX() - dragX) / plotW(), (e.getY() - dragY) / plotH()));
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                view.set(home);
            } else if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && inPlot(e.getX())) {
                clicked.accept(pfnAt(e.getX()));
            }
        });
        setOnMouseMoved(e -> pointed.set(inPlot(e.getX()) ? describe(pfnAt(e.getX())) : ""));
        setOnMouseExited(e -> pointed.set(""));
        setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            switch (k) {
                case PLUS, ADD, EQUALS -> zoom(0.8, LEFT + plotW() / 2, TOP + plotH() / 2);
                case MINUS, SUBTRACT -> zoom(1.25, LEFT + plotW() / 2, TOP + plotH() / 2);
                case DIGIT0, NUMPAD0 -> view.set(home);
                case LEFT -> view.set(view.get().pan(-0.1, 0));
                case RIGHT -> view.set(view.get().pan(0.1, 0));
                case UP -> view.set(view.get().pan(0, 0.1));
                case DOWN -> view.set(view.get().pan(0, -0.1));
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** What the pointer is over, in words; empty when it is off the plot. */
    ReadOnlyStringProperty pointedProperty() {
        return pointed.getReadOnlyProperty();
    }

    ObjectProperty<P2mView> viewProperty() {
        return view;
    }

    /** Shows all of the p2m again. */
    void showAll() {
        view.set(home);
    }

    /** The words for the pfn at a point: its run (pfn, mfn, count, kind) or why no frame backs it. */
    String describe(long pfn) {
        return P2mView.runAt(map.runs(), pfn).map(r -> "pfn " + Hex.of(pfn) + " → mfn " + Hex.of(r.mfn() + (pfn - r.pfn()))
                        + "  ·  run pfn " + Hex.of(r.pfn()) + " mfn " + Hex.of(r.mfn()) + " count " + r.count() + " (" + r.kind().id() + ")")
                .orElseGet(() -> XenLookup.ofPfn(map, pfn).answer());
    }

    private void zoom(double factor, double x, double y) {
        view.set(view.get().zoom(factor, clamp((x - LEFT) / plotW()), clamp(1 - (y - TOP) / plotH())));
    }

    private static double clamp(double f) {
        return Math.max(0, Math.min(1, f));
    }

    private boolean inPlot(double x) {
        return x >= LEFT && x <= LEFT + plotW();
    }

    long pfnAt(double x) {
        P2mView v = view.get();
        return (long) Math.floor(v.pfnLo() + (x - LEFT) / plotW() * (v.pfnHi() - v.pfnLo()));
    }

    private double plotW() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private double plotH() {
        return Math.max(1, getHeight() - TOP - BOTTOM);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private double x(double pfn) {
        P2mView v = view.get();
        return LEFT + (pfn - v.pfnLo()) / (v.pfnHi() - v.pfnLo()) * plotW();
    }

    private double y(double mfn) {
        P2mView v = view.get();
        return TOP + plotH() - (mfn - v.mfnLo()) / (v.mfnHi() - v.mfnLo()) * plotH();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (getWidth() <= LEFT + RIGHT || getHeight() <= TOP + BOTTOM) {
            return;
        }
        P2mAxes.paint(g, view.get(), LEFT, TOP, plotW(), plotH());
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW(), plotH() + BAND * 2 + 2);
        g.clip();
        P2mView v = view.get();
        g.setLineWidth(2);
        for (P2mRun r : map.runs()) {
            if (r.endPfn() < v.pfnLo() || r.pfn() > v.pfnHi()) {
                continue;
            }
            g.setStroke(P2mColors.of(r.kind()));
            double x0 = x(r.pfn());
            double x1 = Math.max(x(r.endPfn()), x0 + 1.5);
            g.strokeLine(x0, y(r.mfn()), x1, y(r.mfn() + r.count()));
        }
        for (PfnRange gap : map.gaps()) {
            if (gap.end() < v.pfnLo() || gap.start() > v.pfnHi()) {
                continue;
            }
            g.setFill(P2mColors.of(gap.kind()));
            double x0 = x(gap.start());
            g.fillRect(x0, TOP + plotH() + 2, Math.max(x(gap.end()) - x0, 1.5), BAND);
        }
        g.restore();
    }
}
