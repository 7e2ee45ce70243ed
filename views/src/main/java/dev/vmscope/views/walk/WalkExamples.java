package dev.vmscope.views.walk;

import dev.vmscope.core.Session;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Addresses to try, taken from the dump: the kernel's first text symbol, each region's start (a
 * direct-map address walks differently from a text address), and where each CPU was executing.
 */
final class WalkExamples {
    private WalkExamples() {
    }

    static List<WalkExample> of(Session session) {
        List<WalkExample> out = new ArrayList<>();
        session.dump().vmcoreinfo().ifPresent(info ->
                info.symbol("_stext").ifPresent(a -> out.add(new WalkExample("_stext (kernel text)", a, OptionalInt.empty()))));
        session.kernel().ifPresent(k -> {
            for (VirtualRegion r : k.layout()) {
                if (r.name().equals("direct map") || r.name().equals("vmemmap")) {
                    out.add(new WalkExample(r.name() + " start", r.start(), OptionalInt.empty()));
                }
            }
        });
        for (CpuState c : session.dump().cpus()) {
            if (c.source().equals(CpuState.PRSTATUS)) {
                c.register("rip").or(() -> c.register("pc")).or(() -> c.register("eip")).map(Register::value)
                        .ifPresent(pc -> out.add(new WalkExample("CPU " + c.cpu() + " instruction pointer", pc,
                                session.cpuPageTableRoot(c.cpu()).isPresent() ? OptionalInt.of(c.cpu()) : OptionalInt.empty())));
            }
        }
        return out;
    }
}
