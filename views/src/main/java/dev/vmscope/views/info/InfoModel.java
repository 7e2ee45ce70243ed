package dev.vmscope.views.info;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the info pane shows of a session: a summary, the header fields by section, the notes, VMCOREINFO. */
public final class InfoModel {

    /** One line of the summary; {@code tip} says where the value comes from, or is empty. */
    public record Fact(String name, String value, boolean code, String tip) {
    }

    private final Session session;

    public InfoModel(Session session) {
        this.session = session;
    }

    public List<Fact> summary() {
        Dump d = session.dump();
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("source", d.source(), false, ""));
        out.add(new Fact("format", d.format(), true, ""));
        out.add(new Fact("compression", d.compression(), true, ""));
        out.add(new Fact("architecture", d.architecture().id(), true, ""));
        out.add(new Fact("memory", d.memory().space().word() + " addresses", false,
                "the address space the dump's memory ranges are in"));
        out.add(new Fact("CPUs", Integer.toString(d.cpuCount()), true, "CPUs with registers in the notes"));
        Optional<KernelFacts> k = session.kernel();
        k.flatMap(KernelFacts::release).ifPresent(r -> out.add(new Fact("kernel release", r, true, "VMCOREINFO OSRELEASE")));
        k.ifPresent(f -> {
            out.add(new Fact("paging mode", f.mode().id(), true, ""));
            out.add(new Fact("page size", Long.toString(f.mode().form().pageSize()), true, ""));
            out.add(new Fact("kernel page table", Hex.of(f.pageTableRoot()), true, f.rootOrigin()));
            out.add(new Fact("KASLR offset", Hex.of(f.kaslrOffset()), true, "VMCOREINFO KERNELOFFSET"));
            out.add(new Fact("phys_base", (f.physBase() < 0 ? "-" + Hex.of(-f.physBase()) : Hex.of(f.physBase())), true,
                    "physical address of the kernel image minus its link address"));
        });
        session.kernelProblem().ifPresent(p -> out.add(new Fact("translation", p, false, "")));
        return out;
    }

    /** The format's header fields, by section in the order the format gave them. */
    public Map<String, List<FormatField>> header() {
        Map<String, List<FormatField>> out = new LinkedHashMap<>();
        for (FormatField f : session.dump().header()) {
            out.computeIfAbsent(f.section(), s -> new ArrayList<>()).add(f);
        }
        return out;
    }

    public List<ElfNote> notes() {
        return session.dump().notes();
    }

    public Optional<VmcoreInfo> vmcoreinfo() {
        return session.dump().vmcoreinfo();
    }
}
