package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.xlat.PageTableDump;
import dev.vmscope.core.xlat.PagingForm;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code vmscope ptdump SOURCE [--cpu N | --root ADDR]}: every mapping of the kernel's page table (or
 * the one chosen), coalesced into ranges like the kernel's own ptdump, under the names of the kernel's
 * virtual regions. Tables that loop or never end stop the enumeration: what was found is printed, then
 * one line says why it stopped and the status is 2.
 */
@Command(name = "ptdump", mixinStandardHelpOptions = true,
        description = "Every mapping of the chosen page table, coalesced into ranges with page size and attributes.")
final class PtdumpCommand extends SourceCommand {

    PtdumpCommand(Streams io) {
        super(io);
    }

    @Override
    int run(Session session) {
        PageTableDump.Result result = session.kernelMappings(progress);
        Streams.endProgress(progress);
        List<PtdumpRow> rows = session.pvDomain().map(pv -> PtdumpRow.of(result.ranges(), pv))
                .orElseGet(() -> PtdumpRow.of(result.ranges()));
        Optional<KernelFacts> kernel = session.kernel();
        PagingForm form = kernel.map(k -> k.mode().form()).orElse(null);
        if (options.json) {
            try (Json j = io.json()) {
                json(rows, form, j);
            }
        } else {
            PrintWriter w = io.text();
            text(rows, form, kernel.map(KernelFacts::layout).orElse(List.of()), w);
            io.finish(w);
        }
        if (result.truncated() != null) {
            throw CliFailure.usage("the page tables do not end: " + result.truncated() + " (" + session.dump().source() + ")");
        }
        return 0;
    }

    private static void json(List<PtdumpRow> rows, PagingForm form, Json j) {
        j.startArray();
        for (PtdumpRow r : rows) {
            j.startObject().hex("start", r.start()).hex("end", r.end()).hex("physical", r.physical());
            if (r.machine().isPresent()) {
                j.hex("machine", r.machine().getAsLong());
            }
            j.number("pageSize", r.range().pageSize())
                    .string("level", level(form, r.range().level()))
                    .strings("flags", r.range().flags())
                    .endObject();
        }
        j.endArray();
    }

    private static void text(List<PtdumpRow> rows, PagingForm form, List<VirtualRegion> layout, PrintWriter w) {
        boolean xen = rows.stream().anyMatch(r -> r.machine().isPresent());
        Columns c = new Columns("");
        if (xen) {
            c.row("virtual", "size", "physical", "machine", "page", "level", "flags");
        } else {
            c.row("virtual", "size", "physical", "page", "level", "flags");
        }
        VirtualRegion region = null;
        for (PtdumpRow r : rows) {
            VirtualRegion here = regionOf(r.start(), layout);
            if (here != null && here != region) {
                c.row("---[ " + here.name() + " ]---");
            }
            region = here;
            String physical = r.physical().isPresent() ? Hex.of(r.physical().getAsLong()) : "-";
            String span = Hex.of(r.start()) + "-" + Hex.of(r.end());
            String page = Sizes.of(r.range().pageSize());
            String level = level(form, r.range().level());
            String flags = String.join(" ", r.range().flags());
            if (xen) {
                c.row(span, Sizes.of(r.size()), physical, Hex.of(r.machine().getAsLong()), page, level, flags);
            } else {
                c.row(span, Sizes.of(r.size()), physical, page, level, flags);
            }
        }
        c.print(w);
        w.println(rows.size() + " ranges (end exclusive)");
    }

    private static VirtualRegion regionOf(long va, List<VirtualRegion> layout) {
        for (VirtualRegion v : layout) {
            if (Long.compareUnsigned(va, v.start()) >= 0 && Long.compareUnsigned(va, v.end()) < 0) {
                return v;
            }
        }
        return null;
    }

    /** The level's name ({@code PD}, {@code L2}), or its number when the form does not name it. */
    private static String level(PagingForm form, int level) {
        return form != null && level >= 0 && level < form.levels().size() ? form.levels().get(level).name() : Integer.toString(level);
    }
}
