package dev.vmscope.views.walk;

import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a virtual address into the fields a paging form reads: the sign extension above the
 * form's bits, one index per level, and the page offset. When the walk ended in a huge page, the
 * indexes below that level are part of the (larger) page offset.
 */
public final class VaFields {
    private VaFields() {
    }

    /**
     * @param leafLevel the level (0 = top) whose entry mapped the page, or -1 when the walk did not
     *                  end in a page (every level is then shown as an index)
     */
    public static List<VaField> of(long va, PagingForm form, int leafLevel) {
        List<VaField> out = new ArrayList<>();
        int vaBits = form.vaBits();
        if (vaBits < 64) {
            out.add(new VaField(VaField.Role.SIGN_EXTENSION, "sign extension", 63, vaBits, bits(va, 63, vaBits), -1));
        }
        int depth = form.depth();
        int lastIndexed = leafLevel >= 0 ? leafLevel : depth - 1;
        for (int level = 0; level <= lastIndexed; level++) {
            PagingForm.Level l = form.levels().get(level);
            out.add(new VaField(VaField.Role.INDEX, l.name(), l.highBit(), l.shift(), l.index(va), depth - 1 - level));
        }
        int offsetHigh = form.levels().get(lastIndexed).shift() - 1;
        out.add(new VaField(VaField.Role.OFFSET, "page offset", offsetHigh, 0, bits(va, offsetHigh, 0), -1));
        return out;
    }

    private static long bits(long va, int high, int low) {
        int width = high - low + 1;
        long mask = width >= 64 ? -1L : (1L << width) - 1;
        return (va >>> low) & mask;
    }
}
