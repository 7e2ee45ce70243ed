package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;

/**
 * One quiz question about one step of a walk: its answer comes from the walk, its working is the
 * arithmetic shown after the student answers.
 *
 * @param step the step it asks about (0 = first level)
 */
public record Question(Kind kind, int step, String prompt, long answer, String working) {

    /** What is asked. */
    public enum Kind {
        INDEX, ENTRY_ADDRESS, NEXT_TABLE, PHYSICAL;

        /** Indexes are answered in decimal (or 0x hex); addresses in hex, with or without 0x. */
        boolean decimal() {
            return this == INDEX;
        }
    }

    /** The answer as a student would write it. */
    public String answerText() {
        return kind.decimal() ? Long.toString(answer) : Hex.of(answer);
    }

    /**
     * Checks a typed answer.
     *
     * @throws NumberFormatException when the text is not a number at all (not counted as a wrong answer)
     */
    public boolean accepts(String typed) {
        return parse(typed) == answer;
    }

    long parse(String typed) {
        String t = typed.strip().replace("_", "");
        if (kind.decimal() && !t.toLowerCase(java.util.Locale.ROOT).startsWith("0x")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new NumberFormatException("not a number: '" + typed.strip() + "' (an index is decimal, or hex with 0x)");
            }
        }
        return Hex.parse(t);
    }
}
