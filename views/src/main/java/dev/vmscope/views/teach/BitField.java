package dev.vmscope.views.teach;

import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.Translation;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of a virtual address as the walk cuts it: the bits above the translated ones, one index per
 * level the walk uses, and the offset in the page (which takes every bit below a huge page's level).
 *
 * @param level for an index, the level it indexes (0 = top); -1 otherwise
 */
public record BitField(String name, int high, int low, long value, Role role, int level) {

    /** What a field is for. */
    public enum Role { SIGN, INDEX, OFFSET }

    public int width() {
        return high - low + 1;
    }

    /** The field's bits, most significant first. */
    public String binary() {
        StringBuilder b = new StringBuilder(Long.toBinaryString(value));
        while (b.length() < width()) {
            b.insert(0, '0');
        }
        return b.toString();
    }

    /** {@code bits 31:22}, or {@code bit 5}. */
    public String range() {
        return high == low ? "bit " + high : "bits " + high + ":" + low;
    }

    /** The fields of a translation's address, from the top bit down. */
    public static List<BitField> of(Translation t) {
        PagingForm form = t.mode().form();
        long va = t.virtualAddress();
        int width = drawnWidth(t);
        int leaf = t.mapped() ? t.steps().size() - 1 : -1;
        List<BitField> fields = new ArrayList<>();
        if (width > form.vaBits()) {
            String name = t.mode().id().startsWith("x86_64") ? "sign extension" : "TTBR select";
            fields.add(field(name, width - 1, form.vaBits(), va, Role.SIGN, -1));
        }
        int offsetTop = form.pageShift() - 1;
        for (int i = 0; i < form.depth(); i++) {
            PagingForm.Level l = form.levels().get(i);
            if (leaf >= 0 && i > leaf) {
                break;
            }
            fields.add(field(l.name(), l.highBit(), l.shift(), va, Role.INDEX, i));
            offsetTop = l.shift() - 1;
        }
        fields.add(field("offset", offsetTop, 0, va, Role.OFFSET, -1));
        return fields;
    }

    /** 64 bits for the 64-bit modes, the form's own width for the others (32 bits, a p2m's pfn range). */
    static int drawnWidth(Translation t) {
        String id = t.mode().id();
        return id.startsWith("x86_64") || id.startsWith("aarch64") ? 64 : t.mode().form().vaBits();
    }

    private static BitField field(String name, int high, int low, long va, Role role, int level) {
        int w = high - low + 1;
        long mask = w >= 64 ? -1L : (1L << w) - 1;
        return new BitField(name, high, low, (va >>> low) & mask, role, level);
    }
}
