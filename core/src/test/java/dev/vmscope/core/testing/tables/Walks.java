package dev.vmscope.core.testing.tables;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.nio.ByteOrder;
import java.util.List;

/** Walks over test tables and one-line renderings of their steps and results, to compare with expectations. */
public final class Walks {
    private Walks() {
    }

    public static Translation walk(Memory memory, PagingMode mode, long rootRegister, long va) {
        return new PageTableWalker(memory, mode, ByteOrder.LITTLE_ENDIAN).walk(rootRegister, va);
    }

    /** Each step as {@code LEVEL TABLE[INDEX] = ENTRY}, e.g. {@code PD 0xa000[1] = 0xb027}. */
    public static List<String> steps(Translation t) {
        return t.steps().stream().map(Walks::step).toList();
    }

    public static String step(WalkStep s) {
        return s.level() + " " + Hex.of(s.table()) + "[" + s.index() + "] = " + Hex.of(s.entry());
    }

    /** The result as {@code ADDRESS SIZE perms...} or {@code KIND at LEVEL: reason (detail)}. */
    public static String result(Translation t) {
        return switch (t.result()) {
            case WalkResult.Mapped m -> Hex.of(m.address()) + " " + Hex.of(m.pageSize()) + " "
                    + String.join(" ", m.permissions().words());
            case WalkResult.Fault f -> f.kind() + " at " + f.level() + ": " + f.reason() + " (" + f.detail() + ")";
        };
    }

    /** The flags the last step's entry decoded to. */
    public static List<String> lastFlags(Translation t) {
        return t.steps().getLast().decoded().flags();
    }
}
