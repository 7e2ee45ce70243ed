package dev.vmscope.core.xen;

import dev.vmscope.core.Architecture;
import elf4j.Logger;
import dev.vmscope.core.Progress;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/**
 * A Xen host dump understood as far as it goes: the notes' facts, Xen's own view (its page tables and
 * m2p), dom0's shared info, dom0 as a PV domain (its p2m and pseudo-physical memory) and dom0's
 * VMCOREINFO, found by scanning dom0's pseudo-physical memory when no note carries it. Each part is a
 * {@link Finding}: what is missing says why, and the rest still works.
 */
public final class XenHost {
    private static final Logger LOG = Logger.instance();

    private final XenFacts facts;
    private final Finding<XenHypervisor> hypervisor;
    private final Optional<XenM2p> m2p;
    private final Finding<ArchSharedInfo> sharedInfo;
    private final Finding<PvDomain> dom0;
    private final Finding<VmcoreInfo> dom0VmcoreInfo;

    private XenHost(XenFacts facts, Finding<XenHypervisor> hypervisor, Optional<XenM2p> m2p, Finding<ArchSharedInfo> sharedInfo,
                    Finding<PvDomain> dom0, Finding<VmcoreInfo> dom0VmcoreInfo) {
        this.facts = facts;
        this.hypervisor = hypervisor;
        this.m2p = m2p;
        this.sharedInfo = sharedInfo;
        this.dom0 = dom0;
        this.dom0VmcoreInfo = dom0VmcoreInfo;
    }

    /**
     * @param machine  the dump's memory, in machine space
     * @param given    dom0's VMCOREINFO when the dump or the user already gave it (no scan then)
     * @param progress reports the p2m enumeration and the VMCOREINFO search
     */
    public static XenHost open(Memory machine, List<ElfNote> notes, List<CpuState> cpus, Architecture arch, String source,
                               Optional<VmcoreInfo> given, Progress progress) {
        if (machine.space() != Space.MACHINE) {
            throw new IllegalArgumentException("a Xen host dump holds machine memory");
        }
        XenFacts facts = XenFacts.of(notes, machine, arch, source).orElseThrow(() -> new IllegalArgumentException("no Xen notes"));
        var order = arch.byteOrder();
        Finding<XenHypervisor> xen = XenHypervisor.locate(machine, facts, cpus, order);
        Optional<XenM2p> m2p = xen.value().map(h -> XenM2p.of(h, facts, order));
        Finding<ArchSharedInfo> shared = xen.value().map(h -> SharedInfoLocator.locate(h, facts, machine, order))
                .orElse(Finding.missing("Xen's page tables were not found: " + xen.explanation()));
        Finding<P2m> p2m = Dom0P2mChooser.choose(machine, facts, shared, order, source);
        Finding<PvDomain> dom0 = p2m.value().map(p -> domain(p, machine, order, progress, p2m.explanation()))
                .orElse(Finding.missing(p2m.explanation()));
        Finding<VmcoreInfo> info = given.map(i -> Finding.found(i, i.origin()))
                .orElseGet(() -> dom0.value().map(d -> d.findVmcoreInfo("dom0", progress))
                        .orElse(Finding.missing("dom0's pseudo-physical memory is unknown: " + dom0.explanation())));
        LOG.atDebug().log("Xen host {}: Xen's page tables: {}; dom0's shared info: {}; dom0: {}; dom0's VMCOREINFO: {}",
                source, xen.explanation(), shared.explanation(), dom0.explanation(), info.explanation());
        return new XenHost(facts, xen, m2p, shared, dom0, info);
    }

    private static Finding<PvDomain> domain(P2m p2m, Memory machine, java.nio.ByteOrder order, Progress progress, String how) {
        try {
            return Finding.found(new PvDomain(p2m, p2m.enumerate(progress), machine, order), how);
        } catch (UnsupportedDumpException e) {
            return Finding.missing(e.getMessage());
        }
    }

    public XenFacts facts() {
        return facts;
    }

    public Finding<XenHypervisor> hypervisor() {
        return hypervisor;
    }

    /** Xen's machine-to-phys table, when Xen's page tables were found. */
    public Optional<XenM2p> m2p() {
        return m2p;
    }

    public Finding<ArchSharedInfo> sharedInfo() {
        return sharedInfo;
    }

    public Finding<PvDomain> dom0() {
        return dom0;
    }

    public Finding<VmcoreInfo> dom0VmcoreInfo() {
        return dom0VmcoreInfo;
    }
}
