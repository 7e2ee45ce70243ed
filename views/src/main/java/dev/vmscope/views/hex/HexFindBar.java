package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.views.fx.Sizes;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;

import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Find in the hex view: hex bytes or ASCII text, the next match after the selection (or the byte gone
 * to) or the one before, in the dump's own memory only. Each search runs in a {@link Task} with a
 * progress bar and a Cancel button and stops after {@link #BOUND} bytes, saying where the next search
 * continues. A match is selected and shown.
 */
final class HexFindBar extends HBox {
    /** The most bytes one search looks at. */
    static final long BOUND = 1L << 32;
    private static final ExecutorService SEARCHES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmscope-hex-find");
        t.setDaemon(true);
        return t;
    });

    private final HexModel model;
    private final HexSearch search;
    private final TextField pattern = new TextField();
    private final ToggleButton ascii = new ToggleButton("ASCII");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private Task<HexSearch.Outcome> running;
    private OptionalLong resume = OptionalLong.empty();

    HexFindBar(HexModel model) {
        this.model = model;
        this.search = new HexSearch(model.session().memory());
        getStyleClass().add("hex-find");
        Label label = new Label("_Find");
        label.setMnemonicParsing(true);
        label.setLabelFor(pattern);
        pattern.getStyleClass().addAll("code", "find-field");
        pattern.setPromptText("bytes, e.g. 7f 45 4c 46");
        pattern.setPrefColumnCount(22);
        pattern.setAccessibleText("Bytes to find: hex digits, or text with ASCII on");
        ascii.getStyleClass().add("find-ascii");
        ascii.setAccessibleText("Find ASCII text instead of hex bytes");
        Button next = new Button("Next");
        next.getStyleClass().add("find-next");
        next.setAccessibleText("Find the next match");
        Button previous = new Button("Previous");
        previous.getStyleClass().add("find-previous");
        previous.setAccessibleText("Find the previous match");
        progress.getStyleClass().add("find-progress");
        cancel.getStyleClass().add("find-cancel");
        cancel.setAccessibleText("Stop the search");
        status.getStyleClass().addAll("hint", "find-status");
        pattern.setOnAction(e -> find(true));
        next.setOnAction(e -> find(true));
        previous.setOnAction(e -> find(false));
        cancel.setOnAction(e -> stop());
        pattern.textProperty().subscribe(t -> resume = OptionalLong.empty());
        ascii.selectedProperty().subscribe(t -> resume = OptionalLong.empty());
        busy(false);
        getChildren().addAll(label, pattern, ascii, previous, next, progress, cancel, status);
    }

    /** Puts the keyboard in the find field. */
    void focus() {
        pattern.requestFocus();
        pattern.selectAll();
    }

    /** Looks for the next ({@code forward}) or the previous match. */
    void find(boolean forward) {
        byte[] bytes;
        try {
            bytes = BytePattern.parse(pattern.getText(), ascii.isSelected());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        stop();
        Space space = model.session().memory().space();
        long from = resume.orElseGet(() -> start(space, forward));
        Task<HexSearch.Outcome> task = new Task<>() {
            @Override
            protected HexSearch.Outcome call() {
                HexSearch.Progress p = (done, bound) -> updateProgress(done, bound);
                return forward ? search.forward(bytes, from, BOUND, p, this::isCancelled)
                        : search.backward(bytes, from, BOUND, p, this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> done(task, bytes.length, space, from, forward));
        task.setOnFailed(e -> {
            busy(false);
            status.setText("The search stopped: " + task.getException().getMessage());
        });
        task.setOnCancelled(e -> {
            busy(false);
            status.setText("Search cancelled");
        });
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        status.setText((forward ? "Searching forward from " : "Searching backward from ") + space.word() + " " + Hex.of(from) + " …");
        busy(true);
        SEARCHES.execute(task);
    }

    /** Where a search starts: after (or before) the selection, else the byte gone to, else the first row shown. */
    private long start(Space space, boolean forward) {
        ByteSpan sel = model.spaceProperty().get() == space ? model.selectionProperty().get() : null;
        if (sel != null) {
            return forward ? sel.start() + 1 : sel.start();
        }
        OptionalLong target = model.spaceProperty().get() == space ? model.targetProperty().get() : OptionalLong.empty();
        return target.orElse(model.spaceProperty().get() == space ? model.windowProperty().get().top() : 0);
    }

    private void done(Task<HexSearch.Outcome> task, int length, Space space, long from, boolean forward) {
        busy(false);
        HexSearch.Outcome o = task.getValue();
        resume = o.stoppedAt();
        if (o.match().isPresent()) {
            long at = o.match().getAsLong();
            model.show(space, at);
            model.selectionProperty().set(new ByteSpan(at, length));
            status.setText("Found at " + space.word() + " " + Hex.of(at) + " (" + Sizes.of(o.scanned()) + " searched)");
        } else if (o.stoppedAt().isPresent()) {
            status.setText("No match in the " + Sizes.of(o.scanned()) + " searched from " + Hex.of(from) + "; search again to go on from "
                    + Hex.of(o.stoppedAt().getAsLong()));
        } else {
            status.setText("No match " + (forward ? "after " : "before ") + space.word() + " " + Hex.of(from)
                    + " in the memory the dump holds (" + Sizes.of(o.scanned()) + " searched)");
        }
    }

    private void stop() {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
    }

    private void busy(boolean on) {
        progress.setVisible(on);
        progress.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
    }

    /** What the bar says about the last search. */
    String status() {
        return status.getText();
    }
}
