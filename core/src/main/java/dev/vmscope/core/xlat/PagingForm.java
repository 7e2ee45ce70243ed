package dev.vmscope.core.xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a paging mode as data: the widths of the page offset and of each level's index,
 * from the page offset up, and the size of one entry. x86-64 4-level is {@code {12, 9, 9, 9, 9}}.
 *
 * @param levels the levels from the top (the root table) down to the last
 */
public record PagingForm(String id, int entrySize, int pageShift, List<Level> levels) {

    /** One level: its name, and which bits of the virtual address index its table. */
    public record Level(String name, int shift, int bits) {
        public int index(long va) {
            return (int) ((va >>> shift) & ((1L << bits) - 1));
        }

        public int highBit() {
            return shift + bits - 1;
        }

        public int entries() {
            return 1 << bits;
        }
    }

    public PagingForm {
        levels = List.copyOf(levels);
    }

    /**
     * @param widths     page-offset width first, then each level's index width from the bottom up
     * @param levelNames names from the top level down
     */
    public static PagingForm of(String id, int entrySize, int[] widths, String... levelNames) {
        if (widths.length != levelNames.length + 1) {
            throw new IllegalArgumentException("one width per level plus the page offset");
        }
        List<Level> bottomUp = new ArrayList<>();
        int shift = widths[0];
        for (int i = 1; i < widths.length; i++) {
            bottomUp.add(new Level(levelNames[levelNames.length - i], shift, widths[i]));
            shift += widths[i];
        }
        return new PagingForm(id, entrySize, widths[0], bottomUp.reversed());
    }

    /** Number of virtual-address bits the form translates. */
    public int vaBits() {
        Level top = levels.getFirst();
        return top.shift() + top.bits();
    }

    public long pageSize() {
        return 1L << pageShift;
    }

    /** Size of the region one entry at {@code level} (0 = top) maps. */
    public long mappedBy(int level) {
        return 1L << levels.get(level).shift();
    }

    public int depth() {
        return levels.size();
    }
}
