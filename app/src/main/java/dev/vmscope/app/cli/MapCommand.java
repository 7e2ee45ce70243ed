package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.VirtualRegion;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code vmscope map SOURCE}: the dump's memory map (every range with its kind, holes included) and
 * the kernel's virtual layout as far as it is known.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Physical memory map (ranges with their kind) and kernel virtual layout.")
final class MapCommand extends SourceCommand {

    MapCommand(Streams io) {
        super(io);
    }

    @Override
    int run(Session session) {
        List<MemoryRange> ranges = session.memory().ranges();
        List<VirtualRegion> layout = session.kernel().map(KernelFacts::layout).orElse(List.of());
        if (options.json) {
            try (Json j = io.json()) {
                j.startObject().string("space", session.memory().space().id()).startArray("physical");
                for (MemoryRange r : ranges) {
                    j.startObject().hex("start", r.start()).hex("end", r.end()).string("kind", r.kind().id()).endObject();
                }
                j.endArray().startArray("virtual");
                for (VirtualRegion v : layout) {
                    j.startObject().hex("start", v.start()).hex("end", v.end()).string("name", v.name())
                            .string("origin", v.origin()).endObject();
                }
                j.endArray().endObject();
            }
        } else {
            PrintWriter w = io.text();
            w.println(session.memory().space().word() + " memory (end exclusive)");
            Columns c = new Columns("  ");
            for (MemoryRange r : ranges) {
                c.row(Hex.of(r.start()), Hex.of(r.end()), Sizes.of(r.size()), r.kind().id());
            }
            c.print(w);
            w.println();
            w.println("kernel virtual layout" + session.kernel().map(k -> " (page table " + Hex.of(k.pageTableRoot()) + ")").orElse(""));
            if (layout.isEmpty()) {
                w.println("  unknown: " + session.kernelProblem().orElse("the dump has no VMCOREINFO to find it from"));
            }
            Columns v = new Columns("  ");
            for (VirtualRegion r : layout) {
                v.row(Hex.of(r.start()), Hex.of(r.end()), r.name(), r.origin());
            }
            v.print(w);
            io.finish(w);
        }
        return 0;
    }
}
