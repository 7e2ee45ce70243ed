package dev.vmscope.core.xlat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Coalesces the leaf mappings of an enumeration, visited in address order, into ranges as a ptdump line
 * shows them: consecutive pages that map consecutive physical memory with the same page size, level and
 * attributes become one range.
 */
final class MappingCollector {
    private static final Set<String> STATE_FLAGS = Set.of("present", "accessed", "dirty", "ps", "rw", "ro", "user",
            "nx", "valid", "page", "block", "table", "af", "uxn", "pxn", "xn", "large", "small", "section", "supersection");

    private final List<MappingRange> out = new ArrayList<>();
    private MappingRange open;

    void leaf(long va, long pa, long size, int level, List<String> flags) {
        if (open != null && open.end() == va && open.physical() + open.size() == pa && open.pageSize() == size
                && open.level() == level && open.flags().equals(flags)) {
            open = new MappingRange(open.start(), va + size, open.physical(), size, level, flags);
            return;
        }
        flush();
        open = new MappingRange(va, va + size, pa, size, level, flags);
    }

    void flush() {
        if (open != null) {
            out.add(open);
            open = null;
        }
    }

    /** The ranges so far, the open one included. */
    List<MappingRange> ranges() {
        flush();
        return out;
    }

    /** A range's flags: the effective access first, then the entry's attributes that are not state. */
    static List<String> flags(DecodedEntry e, boolean writable, boolean user, boolean noExecute) {
        List<String> flags = new ArrayList<>();
        flags.add(writable ? "rw" : "ro");
        if (user) {
            flags.add("user");
        }
        flags.add(noExecute ? "nx" : "x");
        for (String f : e.flags()) {
            if (!STATE_FLAGS.contains(f)) {
                flags.add(f);
            }
        }
        return flags;
    }
}
