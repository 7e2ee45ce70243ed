package dev.vmscope.views.teach;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Optional;

/** The quiz's question, the answer field, and what the last answer earned. */
final class QuizBox extends VBox {
    private final Label prompt = new Label();
    private final TextField answer = new TextField();
    private final Button check = new Button("Check");
    private final Label feedback = new Label();

    QuizBox(TeachModel model) {
        getStyleClass().addAll("card", "quiz-box");
        prompt.getStyleClass().add("quiz-prompt");
        prompt.setWrapText(true);
        answer.getStyleClass().addAll("code", "quiz-answer");
        answer.setPromptText("hex (0x optional), or a decimal index");
        check.getStyleClass().add("quiz-check");
        feedback.getStyleClass().add("quiz-feedback");
        feedback.setWrapText(true);
        HBox row = new HBox(answer, check);
        row.getStyleClass().add("quiz-row");
        getChildren().addAll(prompt, row, feedback);
        answer.setOnAction(e -> submit(model));
        check.setOnAction(e -> submit(model));
        model.feedbackProperty().subscribe(f -> {
            feedback.setText(f);
            feedback.getStyleClass().removeAll("right", "wrong");
            if (!f.isEmpty()) {
                feedback.getStyleClass().add(model.lastRight() ? "right" : "wrong");
            }
        });
    }

    /** Shows the pending question, or none. */
    void show(Optional<Question> q) {
        prompt.setText(q.map(Question::prompt).orElse("No question at this step: press Next."));
        answer.setDisable(q.isEmpty());
        check.setDisable(q.isEmpty());
        if (q.isPresent()) {
            answer.requestFocus();
        }
    }

    private void submit(TeachModel model) {
        model.answer(answer.getText());
        answer.clear();
    }
}
