package dev.vmscope.core.format.kdump;

import java.util.ArrayList;
import java.util.List;

/** makedumpfile's dump level (-d): which kinds of pages were left out. */
final class DumpLevel {
    private static final String[] KINDS = {"zero pages", "non-private cache", "private cache", "user data", "free pages"};

    private DumpLevel() {
    }

    static String describe(int level) {
        if (level == 0) {
            return "nothing excluded";
        }
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < KINDS.length; bit++) {
            if ((level & (1 << bit)) != 0) {
                out.add(KINDS[bit]);
            }
        }
        if ((level & ~0x1f) != 0) {
            out.add("unknown bits " + Integer.toHexString(level & ~0x1f));
        }
        return "excluded: " + String.join(", ", out);
    }
}
