package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xen.XenFacts;
import dev.vmscope.core.xen.XenHost;
import dev.vmscope.core.xen.XenString;
import dev.vmscope.views.fx.LatestRequest;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Xen pane shows of a Xen host's dump: the hypervisor's facts and strings, each CPU's
 * {@code CRASH_REGS}, dom0's p2m (enumerated when the session opened), and lookups both ways, which
 * read Xen's m2p off the FX thread.
 */
public final class XenModel {
    /** A fact row: name, value, where it comes from (or empty). */
    public record Fact(String name, String value, String origin) {
    }

    /** One CPU's control registers from the {@code CRASH_REGS} note. */
    public record CrashRegs(int cpu, String cr0, String cr2, String cr3, String cr4) {
    }

    private final XenHost host;
    private final ReadOnlyObjectWrapper<XenLookup> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private final LatestRequest<XenLookup> lookups = new LatestRequest<>();
    private final List<CrashRegs> cpus;

    public XenModel(Session session, XenHost host) {
        this.host = host;
        this.cpus = session.dump().cpus().stream().filter(c -> c.source().equals(CpuState.XEN_CRASH_REGS)).map(XenModel::regs).toList();
    }

    private static CrashRegs regs(CpuState c) {
        return new CrashRegs(c.cpu(), reg(c, "cr0"), reg(c, "cr2"), reg(c, "cr3"), reg(c, "cr4"));
    }

    private static String reg(CpuState c, String name) {
        return c.register(name).map(r -> Hex.of(r.value())).orElse("—");
    }

    /** Xen's version with its extra version, e.g. {@code 4.17.7}, or why it is unknown. */
    public String version() {
        return host.facts().fullVersion().orElse("unknown (no crash_xen_info note)");
    }

    /** The hypervisor's facts, in the order the pane lists them. */
    public List<Fact> facts() {
        XenFacts f = host.facts();
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("Xen version", version(), "crash_xen_info note"));
        out.add(new Fact("xen_phys_start", f.physStart().map(a -> Hex.of(a.value())).orElse("not in the crash note"),
                "crash_xen_info note (10-word layout)"));
        out.add(new Fact("dom0 frame-list-list", f.frameListList().isPresent() ? "mfn " + Hex.of(f.frameListList().getAsLong()) : "—",
                "crash_xen_info note"));
        out.add(new Fact("notes", String.join(", ", f.notesFound()), ""));
        out.add(new Fact("Xen's page tables", host.hypervisor().value().map(h -> "root " + Hex.of(h.root().value())).orElse("not found"),
                host.hypervisor().explanation()));
        out.add(new Fact("m2p max_page", host.m2p().flatMap(m -> m.maxPage().isPresent() ? Optional.of(Hex.of(m.maxPage().getAsLong()))
                : Optional.empty()).orElse("unknown"), "SYMBOL(max_page) of VMCOREINFO_XEN, read through Xen's page tables"));
        out.add(new Fact("dom0 p2m", dom0().map(d -> d.map().toString()).orElse("not found"), host.dom0().explanation()));
        return out;
    }

    /** The strings {@code crash_xen_info_t} points to, with their machine addresses. */
    public List<Fact> strings() {
        return host.facts().strings().stream().map(XenModel::string).toList();
    }

    private static Fact string(XenString s) {
        return new Fact(s.field(), s.text().orElse("(not in the dump)"), "at machine " + Hex.of(s.address().value()));
    }

    public List<CrashRegs> crashRegs() {
        return cpus;
    }

    /** dom0 as a PV domain, when its p2m was found. */
    public Optional<PvDomain> dom0() {
        return host.dom0().value();
    }

    /** Why dom0's p2m is missing, or how it was found. */
    public String dom0Explanation() {
        return host.dom0().explanation();
    }

    /** Looks a pfn up in dom0's p2m; the answer arrives in {@link #answerProperty()}. */
    public void lookUpPfn(long pfn) {
        dom0().ifPresent(d -> lookups.submit(() -> XenLookup.ofPfn(d.map(), pfn), answer::set, e -> answer.set(failed(e))));
    }

    /** Looks a machine frame up: dom0's p2m inverse and Xen's m2p (which reads the dump). */
    public void lookUpMfn(long mfn) {
        dom0().ifPresent(d -> lookups.submit(() -> XenLookup.ofMfn(d.map(), host.m2p(), mfn), answer::set, e -> answer.set(failed(e))));
    }

    private static XenLookup failed(Throwable e) {
        return new XenLookup(java.util.OptionalLong.empty(), "none", "The lookup failed: " + e.getMessage());
    }

    /** The last lookup's answer, or null before the first. */
    public ReadOnlyObjectProperty<XenLookup> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** dom0's p2m map, when found. */
    public Optional<P2mMap> map() {
        return dom0().map(PvDomain::map);
    }
}
