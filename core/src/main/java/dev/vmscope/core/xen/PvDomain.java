package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.notes.VmcoreInfoScanner;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A paravirtualised domain seen from the machine memory of a dump: its p2m (enumerated), its
 * pseudo-physical memory, and walks of its page tables (which hold machine frames) that show, at each
 * step and for the result, the machine address and the pseudo-physical one.
 */
public final class PvDomain {
    private final P2m p2m;
    private final P2mMap map;
    private final Memory machine;
    private final PseudoPhysicalMemory pseudo;
    private final ByteOrder order;

    public PvDomain(P2m p2m, P2mMap map, Memory machine, ByteOrder order) {
        if (machine.space() != Space.MACHINE) {
            throw new IllegalArgumentException("a PV domain's page tables are read in machine memory, not " + machine.space().word());
        }
        this.p2m = p2m;
        this.map = map;
        this.machine = machine;
        this.pseudo = new PseudoPhysicalMemory(machine, map);
        this.order = order;
    }

    public P2m p2m() {
        return p2m;
    }

    public P2mMap map() {
        return map;
    }

    public Memory machine() {
        return machine;
    }

    public PseudoPhysicalMemory pseudoPhysical() {
        return pseudo;
    }

    /** The pseudo-physical address of a machine address, when the domain's p2m has its frame. */
    public Optional<Address> pseudoPhysicalOf(long machineAddress) {
        OptionalLong pfn = map.pfn(machineAddress >>> 12);
        return pfn.isPresent() ? Optional.of(Address.physical((pfn.getAsLong() << 12) | (machineAddress & 0xfff))) : Optional.empty();
    }

    /** The machine address of a pseudo-physical address, when a frame backs it. */
    public Optional<Address> machineOf(long pseudoPhysical) {
        OptionalLong m = pseudo.machineAddress(pseudoPhysical);
        return m.isPresent() ? Optional.of(Address.machine(m.getAsLong())) : Optional.empty();
    }

    /** Walks in machine memory from a machine root and adds the pseudo-physical companions. */
    public Translation translate(PageTableWalker machineWalker, long machineRoot, long va) {
        return annotate(machineWalker.walk(machineRoot, va));
    }

    /** Adds to a machine-space walk the pseudo-physical address of each table and of the result. */
    public Translation annotate(Translation t) {
        List<Optional<Address>> tables = new ArrayList<>(t.steps().size());
        for (WalkStep s : t.steps()) {
            tables.add(s.tableSpace() == Space.MACHINE ? pseudoPhysicalOf(s.table()) : Optional.empty());
        }
        Optional<Address> result = t.mapping().flatMap(m -> pseudoPhysicalOf(m.address()));
        return t.withPseudoPhysical(tables, result);
    }

    /**
     * Finds the domain kernel's VMCOREINFO note in its pseudo-physical memory: page starts first, then every
     * 4-byte position (kernels before 4.13). The origin names both addresses.
     *
     * @param who the domain's name in messages, e.g. {@code dom0}
     */
    public Finding<VmcoreInfo> findVmcoreInfo(String who, Progress progress) {
        for (VmcoreInfoScanner.Strategy s : VmcoreInfoScanner.Strategy.values()) {
            Optional<VmcoreInfoScanner.Found> f = VmcoreInfoScanner.scan(pseudo, s, who + "'s pseudo-physical memory", progress);
            if (f.isPresent()) {
                String machine = machineOf(f.get().address()).map(a -> " (machine " + Hex.of(a.value()) + ")").orElse("");
                VmcoreInfo info = f.get().info();
                VmcoreInfo placed = new VmcoreInfo(info.entries(), info.origin() + machine);
                return Finding.found(placed, placed.origin());
            }
        }
        return Finding.missing("no VMCOREINFO note in " + who + "'s pseudo-physical memory (give --vmcoreinfo FILE)");
    }

    /**
     * A walker of the domain's page tables that runs in its pseudo-physical memory, as the guest kernel
     * sees them: roots and results are pseudo-physical.
     */
    public PageTableWalker pseudoPhysicalWalker(PagingMode machineMode) {
        PagingMode pv = new PagingMode(machineMode.id(), machineMode.form(), new PvEntryFormat(machineMode.entries(), map::pfn));
        return new PageTableWalker(pseudo, pv, order);
    }
}
