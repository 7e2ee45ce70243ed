package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.io.PrintWriter;
import java.util.List;

/**
 * One translation for people, level by level like crash's {@code vtop}, then the result or the fault,
 * and the other virtual addresses that map the same byte. A table outside the result's space names its
 * own (a minidump's entry array in the dump file); a Xen PV kernel's tables show their pseudo-physical
 * address beside the machine one.
 */
final class TranslationText {
    /** At most this many other virtual addresses are listed. */
    static final int ALIASES_SHOWN = 4;

    private TranslationText() {
    }

    /**
     * @param space   the space of the walk's result
     * @param aliases the other virtual addresses that map the result's byte
     */
    static void write(PrintWriter w, Translation t, Space space, List<Long> aliases) {
        w.println("virtual " + Hex.of(t.virtualAddress()) + "  root " + Hex.of(t.root()) + " (" + space.word() + ")  "
                + t.mode().id());
        if (!t.steps().isEmpty()) {
            Columns c = new Columns("  ");
            c.row("level", "table", "index", "entry address", "entry", "flags");
            for (WalkStep s : t.steps()) {
                c.row(s.level(), table(s, space), Integer.toString(s.index()), Hex.of(s.entryAddress()),
                        s.entryRead() ? Hex.of(s.entry()) : "-",
                        s.entryRead() ? String.join(" ", s.decoded().flags()) : "(not in the dump)");
            }
            c.print(w);
        }
        switch (t.result()) {
            case WalkResult.Mapped m -> w.println("  => " + space.word() + " " + Hex.of(m.address())
                    + t.pseudoPhysical().map(p -> " (physical " + Hex.of(p.value()) + ")").orElse("") + "  "
                    + Sizes.of(m.pageSize()) + " page  " + String.join(" ", m.permissions().words()));
            case WalkResult.Fault f -> w.println("  => not mapped: " + f.reason() + " (" + f.detail() + ")");
        }
        if (!aliases.isEmpty()) {
            w.println("  also mapped at " + aliasList(aliases));
        }
    }

    static String aliasList(List<Long> aliases) {
        List<String> shown = aliases.stream().limit(ALIASES_SHOWN).map(Hex::of).toList();
        int more = aliases.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String table(WalkStep s, Space space) {
        String at = Hex.of(s.table());
        if (s.tableSpace() == Space.MACHINE) {
            return at + s.tablePseudoPhysical().map(p -> " (physical " + Hex.of(p.value()) + ")").orElse("");
        }
        return s.tableSpace() == space ? at : at + " (" + s.tableSpace().word() + ")";
    }
}
