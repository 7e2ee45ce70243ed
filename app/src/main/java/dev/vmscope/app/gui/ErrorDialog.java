package dev.vmscope.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The dialog that says why a source could not be opened, in the words of its {@link Problem}. */
final class ErrorDialog {
    private ErrorDialog() {
    }

    /** Shows it without waiting, over {@code owner}. */
    static Alert show(Window owner, String sourceName, Problem p) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        DialogStyle.follow(a, owner);
        a.setTitle("vmscope");
        a.setHeaderText("Cannot open " + sourceName + "\n" + p.summary());
        VBox body = new VBox();
        body.getStyleClass().add("error-body");
        TextArea message = new TextArea(p.message());
        message.getStyleClass().add("error-message");
        message.setEditable(false);
        message.setWrapText(true);
        message.setPrefRowCount(3);
        message.setPrefColumnCount(60);
        body.getChildren().add(message);
        if (!p.details().isEmpty()) {
            GridPane grid = new GridPane();
            grid.getStyleClass().add("error-details");
            int row = 0;
            for (Problem.Detail d : p.details()) {
                Label n = new Label(d.name());
                n.getStyleClass().add("error-detail-name");
                Label v = new Label(d.value());
                v.getStyleClass().addAll("error-detail-value", "error-" + d.name());
                v.setWrapText(true);
                grid.addRow(row++, n, v);
            }
            body.getChildren().add(grid);
        }
        a.getDialogPane().setContent(body);
        a.getDialogPane().getStylesheets().add(ErrorDialog.class.getResource("app.css").toExternalForm());
        a.getDialogPane().setPrefWidth(640);
        a.show();
        return a;
    }
}
