package dev.vmscope.views.teach;

/**
 * The colours of the address fields, one per level from the top, shared by the pane and the SVG export
 * so both draw the same picture. Chosen to stay apart for the common colour-vision deficiencies and to
 * carry black text.
 */
final class Palette {
    private static final String[] LEVELS = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#cc79a7", "#d55e00"};
    static final String SIGN = "#bbbbbb";
    static final String OFFSET = "#eeeeee";

    private Palette() {
    }

    static String of(BitField f) {
        return switch (f.role()) {
            case SIGN -> SIGN;
            case OFFSET -> OFFSET;
            case INDEX -> LEVELS[f.level() % LEVELS.length];
        };
    }
}
