package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalLong;

/** {@code info} for people: the facts, the memory, every header field, the notes and the VMCOREINFO lines. */
final class InfoText {
    private static final String NONE = "-";

    private InfoText() {
    }

    static void write(DumpSummary s, PrintWriter w) {
        Columns facts = new Columns("");
        facts.row("source", s.dump().source())
                .row("format", s.dump().format())
                .row("compression", s.dump().compression())
                .row("architecture", s.dump().architecture().id())
                .row("paging mode", s.pagingMode().orElse(NONE))
                .row("page size", s.pageSize().isPresent() ? Long.toString(s.pageSize().getAsLong()) : NONE)
                .row("cpus", Integer.toString(s.dump().cpuCount()))
                .row("kernel release", s.kernelRelease().orElse(NONE))
                .row("memory space", s.dump().memory().space().word());
        if (s.kernel().isPresent()) {
            KernelFacts k = s.kernel().get();
            facts.row("kernel page table", Hex.of(k.pageTableRoot()) + " (" + k.rootOrigin() + ")");
        } else {
            facts.row("kernel page table", NONE + " (" + s.kernelProblem().orElse("unknown") + ")");
        }
        facts.row("kaslr offset", hex(s.kaslrOffset()))
                .row("phys_base", s.physBase().isPresent() ? physBase(s.physBase().getAsLong()) : NONE);
        facts.print(w);

        w.println();
        w.println("memory (" + s.dump().memory().space().word() + " addresses, end exclusive)");
        Columns memory = new Columns("  ");
        for (MemoryRange r : s.memory()) {
            memory.row(Hex.of(r.start()), Hex.of(r.end()), Sizes.of(r.size()), r.kind().id());
        }
        printOrNone(memory, w);

        w.println();
        w.println("header");
        headerFields(s, w);

        w.println();
        w.println("notes");
        Columns notes = new Columns("  ");
        for (ElfNote n : s.dump().notes()) {
            notes.row(n.name(), n.typeName(), "type " + Hex.of(n.type()), n.size() + " bytes", "at offset " + Hex.of(n.fileOffset()));
        }
        printOrNone(notes, w);

        w.println();
        VmcoreInfo info = s.dump().vmcoreinfo().orElse(null);
        w.println(info == null ? "VMCOREINFO: none" : "VMCOREINFO (" + info.origin() + ")");
        if (info != null) {
            lines(info.entries(), "  ", w);
        }
        s.xen().ifPresent(x -> xen(x, w));
    }

    private static void headerFields(DumpSummary s, PrintWriter w) {
        String section = null;
        Columns c = null;
        for (FormatField f : s.dump().header()) {
            if (!f.section().equals(section)) {
                if (c != null) {
                    c.print(w);
                }
                section = f.section();
                w.println("  " + section);
                c = new Columns("    ");
            }
            c.row(f.name(), f.value());
        }
        if (c != null) {
            c.print(w);
        }
    }

    private static void xen(XenSummary x, PrintWriter w) {
        w.println();
        w.println("Xen");
        Columns c = new Columns("  ");
        c.row("version", x.facts().fullVersion().orElse(NONE))
                .row("xen_phys_start", hex(x.physStart()))
                .row("dom0 p2m frame-list-list", x.facts().frameListList().isPresent()
                        ? "mfn " + Hex.of(x.facts().frameListList().getAsLong()) : NONE)
                .row("dom0 p2m", x.p2m().map(m -> m.layout() + ", max_pfn " + Hex.of(m.maxPfn().value())
                        + " (" + m.maxPfn().origin() + ")").orElse(NONE + ": " + x.dom0().explanation()))
                .row("dom0 VMCOREINFO", x.dom0VmcoreinfoOrigin())
                .row("notes", String.join(", ", x.facts().notesFound()));
        x.strings().forEach((field, text) -> c.row(field, (text == null ? NONE : "\"" + text + "\"")
                + " at machine " + Hex.of(x.stringAddresses().get(field).value())));
        c.print(w);
        x.facts().vmcoreinfoXen().ifPresent(info -> {
            w.println("  VMCOREINFO_XEN (" + info.origin() + ")");
            lines(info.entries(), "    ", w);
        });
    }

    private static void lines(Map<String, String> entries, String indent, PrintWriter w) {
        entries.forEach((k, v) -> w.println(indent + k + "=" + v));
    }

    private static void printOrNone(Columns c, PrintWriter w) {
        if (c.isEmpty()) {
            w.println("  none");
        } else {
            c.print(w);
        }
    }

    private static String hex(OptionalLong v) {
        return v.isPresent() ? Hex.of(v.getAsLong()) : NONE;
    }

    /** phys_base can be negative (the kernel loaded below its link address): both readings. */
    private static String physBase(long v) {
        return v < 0 ? Hex.of(v) + " (-" + Hex.of(-v) + ")" : Hex.of(v);
    }
}
