package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.io.PrintWriter;

/** One translation for people, level by level like crash's {@code vtop}, then the result or the fault. */
final class TranslationText {
    private TranslationText() {
    }

    static void write(PrintWriter w, Translation t, Space space) {
        w.println("virtual " + Hex.of(t.virtualAddress()) + "  root " + Hex.of(t.root()) + " (" + space.word() + ")  "
                + t.mode().id());
        if (!t.steps().isEmpty()) {
            Columns c = new Columns("  ");
            c.row("level", "table", "index", "entry address", "entry", "flags");
            for (WalkStep s : t.steps()) {
                c.row(s.level(), Hex.of(s.table()), Integer.toString(s.index()), Hex.of(s.entryAddress()),
                        s.entryRead() ? Hex.of(s.entry()) : "-",
                        s.entryRead() ? String.join(" ", s.decoded().flags()) : "(not in the dump)");
            }
            c.print(w);
        }
        switch (t.result()) {
            case WalkResult.Mapped m -> w.println("  => " + space.word() + " " + Hex.of(m.address()) + "  "
                    + Sizes.of(m.pageSize()) + " page  " + String.join(" ", m.permissions().words()));
            case WalkResult.Fault f -> w.println("  => not mapped: " + f.reason() + " (" + f.detail() + ")");
        }
    }
}
