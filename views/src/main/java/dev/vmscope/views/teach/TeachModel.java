package dev.vmscope.views.teach;

import dev.vmscope.core.Session;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.views.fx.LatestRequest;
import elf4j.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.List;
import java.util.Optional;

/**
 * The state of a lesson on screen: its walks (done off the FX thread by the core walker), which walk and
 * which frame of it is shown (0 the address, then one per step, then the outcome), teaching or quiz mode,
 * and in a quiz the questions answered so far and the score.
 */
public final class TeachModel {
    private static final Logger LOG = Logger.instance();

    private final Lesson lesson;
    private final String text;
    private final ScoreBook scores;
    private final ReadOnlyObjectWrapper<List<Translation>> walks = new ReadOnlyObjectWrapper<>(this, "walks");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final IntegerProperty walk = new SimpleIntegerProperty(this, "walk");
    private final ReadOnlyIntegerWrapper frame = new ReadOnlyIntegerWrapper(this, "frame");
    private final BooleanProperty quiz = new SimpleBooleanProperty(this, "quiz");
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final ReadOnlyIntegerWrapper answered = new ReadOnlyIntegerWrapper(this, "answered");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyObjectWrapper<ScoreBook.Score> score;
    private final ReadOnlyObjectWrapper<ScoreBook.Score> run = new ReadOnlyObjectWrapper<>(this, "run", new ScoreBook.Score(0, 0));
    private final LatestRequest<List<Translation>> loading = new LatestRequest<>();
    private boolean lastRight;

    /** A lesson over its dump: the walks run off the FX thread. */
    public TeachModel(Session session, Lesson lesson, String text, ScoreBook scores) {
        this(lesson, text, scores, () -> LessonWalks.walk(session, lesson));
    }

    /** One walk already done (of any dump, from the walk pane), taught like a lesson's. */
    public static TeachModel of(Translation t, String what) {
        Lesson lesson = new Lesson("own-walk", "Your walk of " + dev.vmscope.core.Hex.of(t.virtualAddress()), t.mode().id(),
                t.root(), "", "", List.of(new Lesson.Walk(t.virtualAddress(), java.util.OptionalLong.empty(), what)));
        String text = "# " + lesson.title() + "\n\nThis walk comes from the page-walk pane: the same steps, told one at a time. "
                + "Choose Quiz to work each step out before it is shown.\n";
        return new TeachModel(lesson, text, ScoreBook.unsaved(), () -> List.of(t));
    }

    private TeachModel(Lesson lesson, String text, ScoreBook scores, java.util.concurrent.Callable<List<Translation>> work) {
        this.lesson = lesson;
        this.text = text;
        this.scores = scores;
        this.score = new ReadOnlyObjectWrapper<>(this, "score", scores.of(lesson.id()));
        walk.subscribe(w -> restart());
        quiz.subscribe(q -> restart());
        loading.submit(work, walks::set, e -> {
            LOG.atWarn().log(e, "lesson {} could not walk its addresses", lesson.id());
            problem.set("This lesson's walks failed: " + e.getMessage());
        });
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The lesson's text (Markdown-ish: headings, paragraphs, inline code). */
    public String text() {
        return text;
    }

    public ReadOnlyObjectProperty<List<Translation>> walksProperty() {
        return walks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public IntegerProperty walkProperty() {
        return walk;
    }

    public ReadOnlyIntegerProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public BooleanProperty quizProperty() {
        return quiz;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public ReadOnlyIntegerProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** Whether the last answer checked was right. */
    public boolean lastRight() {
        return lastRight;
    }

    /** The lesson's score over every run. */
    public ReadOnlyObjectProperty<ScoreBook.Score> scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** The score since this lesson was opened. */
    public ReadOnlyObjectProperty<ScoreBook.Score> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The walk shown, once the walks are done. */
    public Optional<Translation> current() {
        List<Translation> all = walks.get();
        return all == null ? Optional.empty() : Optional.of(all.get(walk.get()));
    }

    public Lesson.Walk currentWalk() {
        return lesson.walks().get(walk.get());
    }

    /** Frames of the walk shown: the address, one per step, the outcome. */
    public int frames() {
        return current().map(t -> t.steps().size() + 2).orElse(1);
    }

    public List<Question> questions() {
        return current().map(Quiz::of).orElse(List.of());
    }

    /** In a quiz, the question to answer before the step shown may be revealed. */
    public Optional<Question> pending() {
        List<Question> qs = questions();
        int a = answered.get();
        if (!quiz.get() || a >= qs.size() || qs.get(a).step() > frame.get() - 1) {
            return Optional.empty();
        }
        return Optional.of(qs.get(a));
    }

    /** Whether step {@code step} may be shown (always when teaching; in a quiz once its questions are answered). */
    public boolean revealed(int step) {
        return !quiz.get() || questions().stream().filter(q -> q.step() <= step).count() <= answered.get();
    }

    /** Whether the index of step {@code step} may be shown: when teaching, or once its question is answered. */
    public boolean indexRevealed(int step) {
        List<Question> qs = questions();
        for (int i = 0; i < qs.size(); i++) {
            if (qs.get(i).step() == step && qs.get(i).kind() == Question.Kind.INDEX) {
                return !quiz.get() || i < answered.get();
            }
        }
        return !quiz.get();
    }

    /** Whether the outcome may be shown. */
    public boolean outcomeRevealed() {
        return !quiz.get() || answered.get() >= questions().size();
    }

    public boolean canNext() {
        return frame.get() < frames() - 1 && pending().isEmpty();
    }

    public void next() {
        if (canNext()) {
            frame.set(frame.get() + 1);
        }
    }

    public void previous() {
        if (frame.get() > 0) {
            frame.set(frame.get() - 1);
        }
    }

    /** Checks an answer to the pending question; a text that is no number is explained and not counted. */
    public void answer(String typed) {
        Optional<Question> q = pending();
        if (q.isEmpty()) {
            return;
        }
        boolean right;
        try {
            right = q.get().accepts(typed);
        } catch (NumberFormatException e) {
            lastRight = false;
            feedback.set(e.getMessage());
            return;
        }
        lastRight = right;
        score.set(scores.record(lesson.id(), right));
        run.set(new ScoreBook.Score(run.get().right() + (right ? 1 : 0), run.get().asked() + 1));
        feedback.set(Quiz.feedback(q.get(), typed, right));
        answered.set(answered.get() + 1);
    }

    private void restart() {
        frame.set(0);
        answered.set(0);
        feedback.set("");
    }
}
