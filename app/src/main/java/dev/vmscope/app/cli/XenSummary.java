package dev.vmscope.app.cli;

import dev.vmscope.core.Session;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xen.Finding;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xen.XenFacts;
import dev.vmscope.core.xen.XenHost;
import dev.vmscope.core.xen.XenString;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code info} says about a Xen host dump: the notes' facts (version, {@code xen_phys_start}, dom0's
 * frame-list-list, the strings {@code crash_xen_info} points to, {@code VMCOREINFO_XEN}), dom0's p2m as
 * enumerated (layout and max_pfn) or why it is not known, and where dom0's VMCOREINFO was found.
 */
record XenSummary(XenFacts facts, Finding<PvDomain> dom0, Finding<VmcoreInfo> dom0Vmcoreinfo) {

    static Optional<XenSummary> of(Session session) {
        return session.xenHost().map(XenSummary::of);
    }

    private static XenSummary of(XenHost host) {
        return new XenSummary(host.facts(), host.dom0(), host.dom0VmcoreInfo());
    }

    Optional<P2mMap> p2m() {
        return dom0.value().map(PvDomain::map);
    }

    OptionalLong physStart() {
        return facts.physStart().map(a -> OptionalLong.of(a.value())).orElse(OptionalLong.empty());
    }

    OptionalLong maxPfn() {
        return p2m().map(m -> OptionalLong.of(m.maxPfn().value())).orElse(OptionalLong.empty());
    }

    /** Each string field of {@code crash_xen_info} with its text, null where the dump does not hold it. */
    Map<String, String> strings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (XenString s : facts.strings()) {
            out.put(s.field(), s.text().orElse(null));
        }
        return out;
    }

    /** Where each string is, in machine memory. */
    Map<String, Address> stringAddresses() {
        Map<String, Address> out = new LinkedHashMap<>();
        facts.strings().forEach(s -> out.put(s.field(), s.address()));
        return out;
    }

    /** Where dom0's VMCOREINFO came from, or why it was not found. */
    String dom0VmcoreinfoOrigin() {
        return dom0Vmcoreinfo.value().map(VmcoreInfo::origin).orElse(dom0Vmcoreinfo.explanation());
    }
}
