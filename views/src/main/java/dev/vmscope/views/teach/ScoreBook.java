package dev.vmscope.views.teach;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/** Quiz scores per lesson: answers right, and answers given; kept in the user's preferences, or only for this run. */
public final class ScoreBook {
    private final Store store;

    /** Where the counts live. */
    private interface Store {
        int get(String key);

        void put(String key, int value);
    }

    /** @param node where the scores live across runs: the app chooses it (tests pass one of their own) */
    public ScoreBook(Preferences node) {
        this.store = new Store() {
            @Override
            public int get(String key) {
                return node.getInt(key, 0);
            }

            @Override
            public void put(String key, int value) {
                node.putInt(key, value);
            }
        };
    }

    private ScoreBook(Map<String, Integer> map) {
        this.store = new Store() {
            @Override
            public int get(String key) {
                return map.getOrDefault(key, 0);
            }

            @Override
            public void put(String key, int value) {
                map.put(key, value);
            }
        };
    }

    /** Scores forgotten when the program ends: for a walk of one's own dump, which is no lesson. */
    public static ScoreBook unsaved() {
        return new ScoreBook(new HashMap<>());
    }

    public record Score(int right, int asked) {
        @Override
        public String toString() {
            return right + " / " + asked;
        }
    }

    public Score of(String lesson) {
        return new Score(store.get(lesson + ".right"), store.get(lesson + ".asked"));
    }

    /** Counts one answer; returns the new score. */
    public Score record(String lesson, boolean right) {
        Score s = of(lesson);
        Score next = new Score(s.right() + (right ? 1 : 0), s.asked() + 1);
        store.put(lesson + ".right", next.right());
        store.put(lesson + ".asked", next.asked());
        return next;
    }
}
