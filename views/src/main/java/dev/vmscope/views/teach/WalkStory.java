package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.views.fx.Sizes;

import java.util.List;
import java.util.stream.IntStream;

/** A whole walk told from the start (the address cut into fields) through each step to the outcome. */
public final class WalkStory {
    private WalkStory() {
    }

    /** How the address is cut: one line per field. */
    public static List<String> fields(Translation t) {
        return BitField.of(t).stream().map(f -> f.name() + ": " + f.range() + " = " + f.binary()
                + (f.role() == BitField.Role.INDEX ? " = index " + f.value() : " = " + Hex.of(f.value()))).toList();
    }

    /** The outcome in one or two sentences. */
    public static String outcome(Translation t) {
        return switch (t.result()) {
            case WalkResult.Mapped m -> Hex.of(t.virtualAddress()) + " → " + Hex.of(m.address()) + ", in a " + Sizes.of(m.pageSize())
                    + " page; access over every level: " + access(m);
            case WalkResult.Fault f -> "✗ " + f.reason() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")")
                    + (f.level() == null ? ". The walk never reads a table: the address is outside what the mode translates." : ".");
        };
    }

    private static String access(WalkResult.Mapped m) {
        var p = m.permissions();
        return (p.writable() ? "writable" : "read-only") + ", " + (p.user() ? "user and kernel" : "kernel only") + ", "
                + (p.executable() ? "executable" : "not executable") + " (" + String.join(" ", p.words()) + ")";
    }

    /** The walk as plain text, for the clipboard or a file. */
    public static String text(String what, Translation t) {
        StringBuilder b = new StringBuilder();
        b.append(t.mode().id()).append(": ").append(Hex.of(t.virtualAddress())).append(" from root ")
                .append(Hex.of(t.root())).append(" — ").append(what).append("\n\n");
        fields(t).forEach(l -> b.append("  ").append(l).append('\n'));
        IntStream.range(0, t.steps().size()).mapToObj(i -> StepStory.of(t, i)).forEach(s -> {
            b.append('\n').append(s.title()).append('\n');
            for (String l : List.of(s.index(), s.entryAddress(), s.entry())) {
                b.append("  ").append(l).append('\n');
            }
            s.bits().forEach(l -> b.append("    · ").append(l).append('\n'));
            b.append("  ").append(s.leadsTo()).append('\n');
        });
        return b.append('\n').append(outcome(t)).append('\n').toString();
    }
}
