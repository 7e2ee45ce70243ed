package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.views.fx.Sizes;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions of a walk, step by step: the index, the entry's address, then where the entry leads (the
 * next table, or the physical address for a page). A walk that stops asks up to the entry that stops it.
 */
public final class Quiz {
    private Quiz() {
    }

    public static List<Question> of(Translation t) {
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < t.steps().size(); i++) {
            WalkStep s = t.steps().get(i);
            String lvl = s.level();
            out.add(new Question(Question.Kind.INDEX, i, "Which index into the " + lvl + " table does "
                    + Hex.of(t.virtualAddress()) + " select?", s.index(), Arithmetic.index(t, s)));
            out.add(new Question(Question.Kind.ENTRY_ADDRESS, i, "At which address is " + lvl + "[" + s.index() + "]? (the table is at "
                    + Hex.of(s.table()) + ", entries are " + t.mode().form().entrySize() + " bytes)", s.entryAddress(),
                    Arithmetic.entryAddress(t, s)));
            if (s.decoded() == null || !s.decoded().present()) {
                break;
            }
            String working = Arithmetic.target(t, s).orElse(Hex.of(s.decoded().target()));
            if (s.decoded().leaf()) {
                long size = t.mapping().orElseThrow().pageSize();
                out.add(new Question(Question.Kind.PHYSICAL, i, lvl + "[" + s.index() + "] = " + Hex.of(s.entry()) + " maps a "
                        + Sizes.of(size) + " page. Which " + Words.output(t.mode()).toLowerCase(java.util.Locale.ROOT) + " does " + Hex.of(t.virtualAddress()) + " reach?",
                        t.mapping().orElseThrow().address(), working + "; " + Arithmetic.physical(t, s.decoded().target(), size)));
            } else {
                String next = t.mode().form().levels().get(i + 1).name();
                out.add(new Question(Question.Kind.NEXT_TABLE, i, lvl + "[" + s.index() + "] = " + Hex.of(s.entry())
                        + ". Where is the " + next + " table?", s.decoded().target(), working));
            }
        }
        return out;
    }

    /** What to tell the student about an answer: right or not, and the working either way. */
    public static String feedback(Question q, String typed, boolean right) {
        return right ? "Right: " + q.working()
                : "Not quite: you wrote " + typed.strip() + ", the walk gives " + q.answerText() + ". " + q.working();
    }
}
