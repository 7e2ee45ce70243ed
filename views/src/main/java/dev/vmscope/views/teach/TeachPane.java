package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.views.fx.Stylesheets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A lesson on screen: its text on the left; on the right the address as coloured bits and the walk one
 * frame at a time (Next and Previous, or → Space and ←), in teaching or quiz mode; presenter mode (F11)
 * for a projector; exports of the diagram and the walk. All bindings are made in {@link #wire()}.
 */
public final class TeachPane extends BorderPane {
    private final TeachModel model;
    private final TeachActions actions;
    private final ComboBox<String> walks = new ComboBox<>();
    private final ToggleButton quiz = new ToggleButton("Quiz");
    private final ToggleButton presenter = new ToggleButton("Presenter (F11)");
    private final MenuButton export = new MenuButton("Export");
    private final Button ownDump = new Button("Now try your own dump…");
    private final BitDiagramView diagram = new BitDiagramView();
    private final FrameView frame = new FrameView();
    private final QuizBox quizBox;
    private final Button previous = new Button("← Previous");
    private final Button next = new Button("Next →");
    private final Label position = new Label();
    private final Label score = new Label();
    private final Label problem = new Label();
    private final VBox walkColumn;
    private final SplitPane split = new SplitPane();
    private final LessonTextView text;

    public TeachPane(TeachModel model, TeachActions actions) {
        this.model = model;
        this.actions = actions;
        this.quizBox = new QuizBox(model);
        this.text = new LessonTextView(model.text());
        getStyleClass().add("teach-pane");
        Stylesheets.apply(this, TeachPane.class, "teach.css");
        setTop(header());
        previous.getStyleClass().add("teach-previous");
        next.getStyleClass().add("teach-next");
        position.getStyleClass().add("teach-position");
        score.getStyleClass().add("teach-score");
        HBox nav = new HBox(previous, position, next, score);
        nav.getStyleClass().add("teach-nav");
        problem.getStyleClass().add("error-text");
        walkColumn = new VBox(diagram, frame, quizBox, nav, problem);
        walkColumn.getStyleClass().add("teach-walk");
        ScrollPane right = new ScrollPane(walkColumn);
        right.setFitToWidth(true);
        split.getItems().setAll(text, right);
        split.setDividerPositions(0.36);
        setCenter(split);
        wire();
    }

    private HBox header() {
        Label title = new Label(model.lesson().title());
        title.getStyleClass().add("lesson-title");
        for (Lesson.Walk w : model.lesson().walks()) {
            walks.getItems().add(Hex.of(w.address()) + " — " + w.what());
        }
        walks.getStyleClass().add("walk-choice");
        quiz.getStyleClass().add("quiz-toggle");
        presenter.getStyleClass().add("presenter-toggle");
        ownDump.getStyleClass().add("own-dump");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        walks.setMaxWidth(420);
        for (var b : java.util.List.of(quiz, presenter, export, ownDump)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        title.setMinWidth(120);
        HBox h = new HBox(title, gap, walks, quiz, presenter, export, ownDump);
        h.getStyleClass().add("pane-header");
        return h;
    }

    private void wire() {
        walks.getSelectionModel().select(0);
        walks.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                model.walkProperty().set(i.intValue());
            }
        });
        quiz.selectedProperty().bindBidirectional(model.quizProperty());
        presenter.selectedProperty().bindBidirectional(model.presenterProperty());
        model.presenterProperty().subscribe(this::present);
        previous.setOnAction(e -> model.previous());
        next.setOnAction(e -> model.next());
        ownDump.setOnAction(e -> actions.openOwnDump());
        problem.textProperty().bind(model.problemProperty());
        export.getItems().setAll(
                exportItem("Bit diagram as PNG", "-bits.png", () -> Png.of(diagram)),
                exportItem("Bit diagram as SVG", "-bits.svg", this::svg),
                exportItem("Walk as PNG", "-walk.png", () -> Png.of(walkColumn)),
                exportItem("Walk as text", "-walk.txt", this::walkText));
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        model.walksProperty().subscribe(w -> render());
        model.walkProperty().subscribe(w -> render());
        model.frameProperty().subscribe(f -> render());
        model.answeredProperty().subscribe(a -> render());
        model.quizProperty().subscribe(q -> render());
        model.runProperty().subscribe(r -> showScore());
    }

    private MenuItem exportItem(String text, String suffix, Supplier<byte[]> content) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> model.current().ifPresent(t ->
                actions.save(model.lesson().id() + "-" + Long.toHexString(t.virtualAddress()) + suffix, content.get())));
        return i;
    }

    private byte[] svg() {
        return BitDiagramSvg.of(model.current().orElseThrow()).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] walkText() {
        return WalkStory.text(model.currentWalk().what(), model.current().orElseThrow()).getBytes(StandardCharsets.UTF_8);
    }

    private void key(KeyEvent e) {
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
        switch (e.getCode()) {
            case RIGHT, SPACE -> {
                if (!typing) {
                    model.next();
                    e.consume();
                }
            }
            case LEFT -> {
                if (!typing) {
                    model.previous();
                    e.consume();
                }
            }
            case F11 -> {
                model.presenterProperty().set(!model.presenterProperty().get());
                e.consume();
            }
            default -> { }
        }
    }

    /** Presenter mode: large type, full screen, only the walk and its chooser (the lesson text and tools step aside). */
    private void present(boolean on) {
        for (var tool : java.util.List.of(quiz, export, ownDump)) {
            boolean shown = !on && (tool == quiz || actions.available());
            tool.setVisible(shown);
            tool.setManaged(shown);
        }
        if (on) {
            split.getItems().remove(text);
        } else if (!split.getItems().contains(text)) {
            split.getItems().addFirst(text);
            split.setDividerPositions(0.36);
        }
        getStyleClass().remove("presenter");
        if (on) {
            getStyleClass().add("presenter");
        }
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(on);
        }
    }

    private void render() {
        Translation t = model.current().orElse(null);
        quizBox.setVisible(model.quizProperty().get());
        quizBox.setManaged(model.quizProperty().get());
        showScore();
        if (t == null) {
            position.setText("walking…");
            next.setDisable(true);
            previous.setDisable(true);
            return;
        }
        int f = model.frameProperty().get();
        int steps = t.steps().size();
        diagram.show(t, f >= 1 && f <= steps ? f - 1 : -1, model::indexRevealed);
        if (f == 0) {
            frame.showAddress(t, model.currentWalk().what());
        } else if (f <= steps) {
            frame.showStep(t, f - 1, model.revealed(f - 1));
        } else {
            frame.showOutcome(t, model.outcomeRevealed());
        }
        quizBox.show(model.pending());
        position.setText((f + 1) + " / " + model.frames());
        previous.setDisable(f == 0);
        next.setDisable(!model.canNext());
    }

    private void showScore() {
        score.setText(model.quizProperty().get()
                ? "Score: " + model.runProperty().get() + " this time · " + model.scoreProperty().get() + " in all"
                : "");
    }
}
