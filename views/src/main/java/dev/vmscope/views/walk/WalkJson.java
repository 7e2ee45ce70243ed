package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A walk as one {@code vtop --json} object (CLI.md's schema, in an array of one): a walk in machine
 * space puts its page in {@code machine} and adds {@code tableMachine} to each step. Added fields:
 * {@code symbol}, and for a Xen PV guest {@code pseudoPhysical} and each step's {@code tablePseudoPhysical}.
 */
final class WalkJson {
    private WalkJson() {
    }

    static String of(Translation t, Space space, Optional<String> symbol) {
        boolean machine = space == Space.MACHINE;
        StringBuilder b = new StringBuilder("[{");
        field(b, "address", hex(t.virtualAddress())).append(',');
        field(b, "root", hex(t.root())).append(',');
        field(b, "pagingMode", str(t.mode().id())).append(',');
        field(b, "mapped", Boolean.toString(t.mapped())).append(',');
        Optional<WalkResult.Mapped> m = t.mapping();
        String page = m.map(x -> hex(x.address())).orElse("null");
        field(b, "physical", machine ? "null" : page).append(',');
        field(b, "machine", machine ? page : "null").append(',');
        field(b, "pageSize", m.map(x -> Long.toString(x.pageSize())).orElse("null")).append(',');
        if (m.isPresent()) {
            field(b, "permissions", strings(m.get().permissions().words())).append(',');
        }
        t.pseudoPhysical().ifPresent(p -> field(b, "pseudoPhysical", hex(p.value())).append(','));
        symbol.ifPresent(s -> field(b, "symbol", str(s)).append(','));
        b.append("\"steps\":[");
        b.append(t.steps().stream().map(s -> step(s, machine)).collect(Collectors.joining(",")));
        b.append("],");
        Optional<WalkResult.Fault> f = t.fault();
        field(b, "fault", f.map(x -> str(x.reason())).orElse("null"));
        f.ifPresent(x -> field(b.append(','), "faultDetail", str(x.detail())));
        return b.append("}]").toString();
    }

    private static String step(WalkStep s, boolean machine) {
        StringBuilder b = new StringBuilder("{");
        field(b, "level", str(s.level())).append(',');
        field(b, "table", hex(s.table())).append(',');
        if (machine) {
            field(b, "tableMachine", hex(s.table())).append(',');
        }
        s.tablePseudoPhysical().map(Address::value).ifPresent(p -> field(b, "tablePseudoPhysical", hex(p)).append(','));
        field(b, "index", Integer.toString(s.index())).append(',');
        field(b, "entryAddress", hex(s.entryAddress())).append(',');
        field(b, "entry", s.entryRead() ? hex(s.entry()) : "null").append(',');
        field(b, "flags", strings(s.entryRead() ? s.decoded().flags() : List.of()));
        return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String json) {
        return b.append('"').append(name).append("\":").append(json);
    }

    private static String hex(long v) {
        return str(Hex.of(v));
    }

    private static String strings(List<String> list) {
        return list.stream().map(WalkJson::str).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
