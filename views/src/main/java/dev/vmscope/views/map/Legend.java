package dev.vmscope.views.map;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** Colour swatches with their meaning, beside a bar. */
final class Legend extends FlowPane {

    Legend() {
        getStyleClass().add("legend");
    }

    void add(Color color, String text) {
        Label l = new Label(text);
        l.getStyleClass().add("legend-item");
        l.setGraphic(swatch(color));
        getChildren().add(l);
    }

    static Region swatch(Color color) {
        Region r = new Region();
        r.getStyleClass().add("swatch");
        r.setStyle("-fx-background-color: " + web(color) + ";");
        return r;
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
