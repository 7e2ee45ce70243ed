package dev.vmscope.views.map;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A bar's zoom: out, a slider on a log2 scale, in, and "Fit"; shows the magnification. Follows the
 * bar's viewport and steers it, around the centre.
 */
final class ZoomControls extends HBox {
    private final Slider slider = new Slider();
    private final Label factor = new Label();
    private boolean following;

    ZoomControls(AddressBar bar) {
        getStyleClass().add("zoom-controls");
        Button out = button("−", "Zoom out (-)", bar::zoomOut);
        Button in = button("+", "Zoom in (+)", bar::zoomIn);
        Button fit = button("Fit", "Show everything (0)", bar::showAll);
        slider.setMin(0);
        slider.setPrefWidth(160);
        slider.setFocusTraversable(false);
        slider.setTooltip(new Tooltip("Zoom (mouse wheel over the bar zooms around the pointer)"));
        factor.getStyleClass().add("zoom-factor");
        getChildren().addAll(out, slider, in, fit, factor);
        bar.viewportProperty().subscribe(v -> {
            following = true;
            slider.setMax(log2(v.maxZoom()));
            slider.setValue(log2(v.zoom()));
            factor.setText(v.zoom() < 10 ? String.format("×%.1f", v.zoom()) : String.format("×%,.0f", v.zoom()));
            following = false;
        });
        slider.valueProperty().subscribe(value -> {
            if (!following) {
                bar.viewportProperty().set(bar.viewportProperty().get().withZoom(Math.pow(2, value.doubleValue()), 0.5));
            }
        });
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("zoom-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
