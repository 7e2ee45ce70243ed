package dev.vmscope.core;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.KernelMap;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.DumpFacts;
import dev.vmscope.core.kernel.ImpossibleKernelException;
import dev.vmscope.core.kernel.KernelBootstrap;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.kernel.X86_64Layout;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xen.PvGuestMemory;
import dev.vmscope.core.xen.XenFacts;
import dev.vmscope.core.xen.XenHost;
import dev.vmscope.core.xlat.AddressSpaceMap;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How an opened dump becomes a {@link Session}: a Xen host dump gets dom0's p2m and VMCOREINFO; a PV
 * guest's dump-core its p2m; a dump without VMCOREINFO is searched for it; then the kernel's root is
 * {@code --root}, else {@code --cpu N}'s root register, else VMCOREINFO, else the first CPU note that
 * carries one. A format that carries its own kernel map (FreeBSD minidumps) translates through it.
 */
final class SessionOpener {
    private SessionOpener() {
    }

    /**
     * Opens an opened dump. A Xen host dump gets dom0's p2m and VMCOREINFO ({@link XenHost}); a PV guest's
     * dump-core gets its p2m; any other dump without VMCOREINFO is searched for the kernel's note
     * ({@link VmcoreInfoScanner}) when its memory is small enough to search at open.
     */
    static Session open(Dump opened, OpenOptions options, Progress progress) {
        try {
            Dump dump = options.vmcoreinfo().map(f -> opened.withVmcoreInfo(readVmcoreInfo(f))).orElse(opened);
            if (isXenHost(dump)) {
                XenHost host = XenHost.open(dump.memory(), dump.notes(), dump.cpus(), dump.architecture(), dump.source(),
                        dump.vmcoreinfo(), progress);
                Dump withInfo = dump.vmcoreinfo().isPresent() ? dump
                        : host.dom0VmcoreInfo().value().map(dump::withVmcoreInfo).orElse(dump);
                return bootstrap(withInfo, options, Optional.of(host), host.dom0().value());
            }
            if (dump.architecture() == Architecture.X86_64 && dump.memory() instanceof PvGuestMemory guest
                    && guest.p2m().isPresent()) {
                PvDomain pv = new PvDomain(guest.p2m().get(), guest.p2m().get().enumerate(progress), dump.memory(),
                        dump.architecture().byteOrder());
                Dump withInfo = dump.vmcoreinfo().isPresent() ? dump
                        : pv.findVmcoreInfo("the guest", progress).value().map(dump::withVmcoreInfo).orElse(dump);
                return bootstrap(withInfo, options, Optional.empty(), Optional.of(pv));
            }
            if (dump.vmcoreinfo().isEmpty() && VmcoreInfoSearch.worthSearching(dump.memory())) {
                dump = VmcoreInfoSearch.scan(dump, progress);
            }
            return bootstrap(dump, options, Optional.empty(), Optional.empty());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static boolean isXenHost(Dump dump) {
        return dump.architecture() == Architecture.X86_64 && dump.memory().space() == Space.MACHINE
                && XenFacts.isXenHost(dump.notes());
    }

    /**
     * Finds the kernel's page-table root: {@code --root}, else {@code --cpu N}'s root register, else
     * VMCOREINFO (for a PV domain: its pseudo-physical root turned into a machine address by the p2m),
     * else the first CPU note that carries a root register.
     */
    private static Session bootstrap(Dump dump, OpenOptions options, Optional<XenHost> xen, Optional<PvDomain> pv) {
        if (dump.kernelMap().isPresent()) {
            return fromKernelMap(dump, dump.kernelMap().get(), options);
        }
        KernelBootstrap arch = KernelBootstrap.of(dump.architecture());
        DumpFacts inputs = new DumpFacts(dump.architecture(), dump.memory(), dump.cpus(), dump.vmcoreinfo());
        PagingMode mode;
        try {
            mode = arch.pagingMode(inputs);
        } catch (ImpossibleKernelException e) {
            return new Session(dump, Optional.empty(), Optional.of("no kernel page tables: " + e.getMessage()), xen, pv);
        }
        Optional<KernelFacts> fromInfo = arch.fromVmcoreInfo(inputs, mode);
        if (xen.isPresent() && pv.isEmpty()) {
            // dom0's root from VMCOREINFO is pseudo-physical; without the p2m only a CPU's machine CR3 can serve
            fromInfo = Optional.empty();
        }
        if (fromInfo.isPresent() && pv.isPresent()) {
            KernelFacts k = fromInfo.get();
            Optional<Address> machine = pv.get().machineOf(k.pageTableRoot());
            if (machine.isEmpty() && options.root().isEmpty() && options.cpu().isEmpty()) {
                return new Session(dump, Optional.empty(), Optional.of("the kernel's page-table root at pseudo-physical "
                        + Hex.of(k.pageTableRoot()) + " has no machine frame in the p2m (give --root ADDR or --cpu N)"), xen, pv);
            }
            fromInfo = machine.map(m -> k.withRoot(m.value(), k.rootOrigin() + " = pseudo-physical " + Hex.of(k.pageTableRoot())
                    + ", machine " + Hex.of(m.value()) + " by the p2m"));
        }
        KernelFacts facts = fromInfo.orElseGet(() -> new KernelFacts(dump.vmcoreinfo().flatMap(VmcoreInfo::osRelease),
                mode, 0, "none", 0, 0, List.of()));
        if (options.root().isPresent()) {
            facts = facts.withRoot(options.root().getAsLong(), "--root " + Hex.of(options.root().getAsLong()));
        } else if (options.cpu().isPresent()) {
            int n = options.cpu().getAsInt();
            long root = cpuRoot(dump, n).orElseThrow(() -> new UnsupportedDumpException(dump.source(), 0,
                    "--cpu " + n + ": the dump's notes give no page-table root register for CPU " + n));
            facts = facts.withRoot(facts.mode().entries().rootTable(root), rootRegister(dump) + " of CPU " + n);
        } else if (fromInfo.isEmpty()) {
            Optional<CpuState> withRoot = dump.cpus().stream().filter(c -> c.pageTableRoot().isPresent()).findFirst();
            if (withRoot.isEmpty()) {
                String why = dump.vmcoreinfo().isPresent()
                        ? "its VMCOREINFO names no usable page-table root"
                        : "the dump has no VMCOREINFO";
                return new Session(dump, Optional.empty(), Optional.of("no kernel page-table root: " + why
                        + " and no CPU note carries a root register (give --root ADDR or --vmcoreinfo FILE)"), xen, pv);
            }
            CpuState c = withRoot.get();
            facts = facts.withRoot(facts.mode().entries().rootTable(c.pageTableRoot().get()),
                    rootRegister(dump) + " of CPU " + c.cpu() + " (" + c.source() + " note)");
        }
        facts = facts.withLayout(layout(dump, arch, inputs, facts, pv));
        return new Session(dump, Optional.of(facts), Optional.empty(), xen, pv);
    }

    /** The kernel's virtual layout; a PV domain's is found in its pseudo-physical memory, where its kernel lives. */
    private static List<VirtualRegion> layout(Dump dump, KernelBootstrap arch, DumpFacts inputs,
                                                                       KernelFacts facts, Optional<PvDomain> pv) {
        if (pv.isPresent()) {
            Optional<Address> pseudoRoot = pv.get().pseudoPhysicalOf(facts.pageTableRoot());
            if (dump.vmcoreinfo().isEmpty() || pseudoRoot.isEmpty()) {
                return List.of();
            }
            PageTableWalker w = pv.get().pseudoPhysicalWalker(facts.mode());
            return new X86_64Layout(pv.get().pseudoPhysical(), w, pseudoRoot.get().value(), dump.vmcoreinfo().get()).regions();
        }
        PageTableWalker walker = new PageTableWalker(dump.memory(), facts.mode(), dump.architecture().byteOrder());
        return arch.layout(inputs, walker, facts);
    }

    /** The architecture's name for the register that holds a CPU's page-table root. */
    private static String rootRegister(Dump dump) {
        return switch (dump.architecture()) {
            case X86_64, I386 -> "CR3";
            case AARCH64 -> "TTBR1_EL1";
            case ARM -> "TTBR0";
        };
    }

    /**
     * A dump whose format says how its kernel translates (a FreeBSD minidump): the format's map, unless
     * {@code --root} names a page-table root to walk instead.
     */
    private static Session fromKernelMap(Dump dump, KernelMap map, OpenOptions options) {
        AddressSpaceMap space = KernelMaps.addressSpace(dump.source(), map, dump.memory(), dump.architecture().byteOrder());
        KernelFacts facts = new KernelFacts(Optional.empty(), space.mode(), 0, map.origin(), 0, 0, KernelMaps.layout(space));
        if (options.root().isPresent()) {
            long root = options.root().getAsLong();
            return new Session(dump, Optional.of(facts.withRoot(root, "--root " + Hex.of(root))), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        if (options.cpu().isPresent()) {
            throw new UnsupportedDumpException(dump.source(), 0, "--cpu " + options.cpu().getAsInt()
                    + ": a " + dump.format() + " has no CPU notes and no page-table root register");
        }
        return new Session(dump, Optional.of(facts), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(space));
    }

    static Optional<Long> cpuRoot(Dump dump, int cpu) {
        return dump.cpus().stream().filter(c -> c.cpu() == cpu).map(CpuState::pageTableRoot)
                .flatMap(Optional::stream).findFirst();
    }

    private static VmcoreInfo readVmcoreInfo(Path file) {
        try {
            return VmcoreInfo.fromFile(Files.readAllBytes(file), "file " + file);
        } catch (IOException e) {
            throw new DumpIoException(file.toString(), "cannot read VMCOREINFO file", e);
        }
    }

}
