package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.views.fx.Sizes;

import java.util.Optional;

/**
 * A walk as plain text to paste into a bug report, shaped like crash's {@code vtop}: the address and
 * what it translates to, then one line per level, then the page or the fault.
 */
final class WalkText {
    private WalkText() {
    }

    /**
     * @param space  the space the tables and the page are in
     * @param symbol the address as symbol+offset, when symbols are loaded
     */
    static String of(Translation t, Space space, Optional<String> symbol) {
        StringBuilder b = new StringBuilder();
        String target = t.mapping().map(m -> Hex.of(m.address())).orElse("(not mapped)");
        b.append(String.format("%-20s %s%n", "VIRTUAL", space.word().toUpperCase(java.util.Locale.ROOT)));
        b.append(String.format("%-20s %s%s%n", Hex.of(t.virtualAddress()), target, symbol.map(s -> "  (" + s + ")").orElse("")));
        b.append(String.format("%n%s  %s: %s%n", t.mode().id(), "ROOT", Hex.of(t.root())));
        for (WalkStep s : t.steps()) {
            b.append(String.format("  %5s: %s [%d] -> %s", s.level(), Hex.of(s.table()), s.index(), Hex.of(s.entryAddress())));
            s.tablePseudoPhysical().ifPresent(p -> b.append(" (pseudo-physical table ").append(Hex.of(p.value())).append(')'));
            b.append(s.entryRead() ? " = " + Hex.of(s.entry()) + "  " + String.join(" ", s.decoded().flags()) : " = (not in the dump)");
            b.append(System.lineSeparator());
        }
        switch (t.result()) {
            case WalkResult.Mapped m -> {
                b.append(String.format("   PAGE: %s  %s  %s", Hex.of(m.address() & -m.pageSize()), Sizes.of(m.pageSize()),
                        String.join(" ", m.permissions().words())));
                t.pseudoPhysical().map(Address::value).ifPresent(p -> b.append("  pseudo-physical ").append(Hex.of(p)));
            }
            case WalkResult.Fault f -> b.append("  FAULT: ").append(f.reason()).append(" (").append(f.detail()).append(')');
        }
        return b.append(System.lineSeparator()).toString();
    }
}
