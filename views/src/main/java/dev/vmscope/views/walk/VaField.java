package dev.vmscope.views.walk;

/**
 * One field of a virtual address as a walk reads it: the bits {@code high..low}, their value, what
 * they are for, and how to colour them.
 *
 * @param role what the field does: the sign extension, a level's index, or the page offset
 * @param name the level's name for an index, else a word
 * @param levelFromBottom for an index, its level counted from the last one (0 = the last); else -1
 */
public record VaField(Role role, String name, int high, int low, long value, int levelFromBottom) {

    /** What a field of the address is for. */
    public enum Role {
        SIGN_EXTENSION, INDEX, OFFSET
    }

    public int width() {
        return high - low + 1;
    }

    /** The field's bits, most significant first, e.g. {@code 111111111}. */
    public String binary() {
        StringBuilder b = new StringBuilder(width());
        for (int bit = width() - 1; bit >= 0; bit--) {
            b.append(((value >>> bit) & 1) != 0 ? '1' : '0');
        }
        return b.toString();
    }

    /** The style class of its colour: {@code lvl-N} for an index, {@code offset} or {@code sign}. */
    public String styleClass() {
        return switch (role) {
            case SIGN_EXTENSION -> "sign";
            case INDEX -> "lvl-" + levelFromBottom;
            case OFFSET -> "offset";
        };
    }
}
