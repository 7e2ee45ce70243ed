package dev.vmscope.views.teach;

import java.util.prefs.Preferences;

/** Quiz scores per lesson, kept across runs in the user's preferences: answers right, and answers given. */
public final class ScoreBook {
    private final Preferences node;

    /** @param node where the scores live: the app chooses it (tests pass one of their own) */
    public ScoreBook(Preferences node) {
        this.node = node;
    }

    public record Score(int right, int asked) {
        @Override
        public String toString() {
            return right + " / " + asked;
        }
    }

    public Score of(String lesson) {
        return new Score(node.getInt(lesson + ".right", 0), node.getInt(lesson + ".asked", 0));
    }

    /** Counts one answer; returns the new score. */
    public Score record(String lesson, boolean right) {
        Score s = of(lesson);
        Score next = new Score(s.right() + (right ? 1 : 0), s.asked() + 1);
        node.putInt(lesson + ".right", next.right());
        node.putInt(lesson + ".asked", next.asked());
        return next;
    }

    public void reset(String lesson) {
        node.remove(lesson + ".right");
        node.remove(lesson + ".asked");
    }
}
