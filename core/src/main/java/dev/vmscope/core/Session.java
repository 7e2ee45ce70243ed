package dev.vmscope.core;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xen.XenHost;
import dev.vmscope.core.xlat.AddressSpaceMap;
import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.core.xlat.PageTableDump;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One opened source as every front end sees it: the dump, what is known of its kernel, and
 * translation and reads in each address space. Immutable once open; safe to share between threads.
 */
public final class Session implements AutoCloseable {
    private final Dump dump;
    private final Optional<KernelFacts> kernel;
    private final Optional<PageTableWalker> walker;
    private final Optional<String> kernelProblem;
    private final Optional<XenHost> xenHost;
    private final Optional<PvDomain> pvDomain;
    private final Optional<AddressSpaceMap> kernelMap;
    private volatile PageTableDump.Result kernelMappings;

    Session(Dump dump, Optional<KernelFacts> kernel, Optional<String> kernelProblem, Optional<XenHost> xenHost,
            Optional<PvDomain> pvDomain) {
        this(dump, kernel, kernelProblem, xenHost, pvDomain, Optional.empty());
    }

    Session(Dump dump, Optional<KernelFacts> kernel, Optional<String> kernelProblem, Optional<XenHost> xenHost,
            Optional<PvDomain> pvDomain, Optional<AddressSpaceMap> kernelMap) {
        this.xenHost = xenHost;
        this.pvDomain = pvDomain;
        this.kernelMap = kernelMap;
        this.dump = dump;
        this.kernel = kernel;
        this.kernelProblem = kernelProblem;
        this.walker = kernel.map(k -> new PageTableWalker(dump.memory(), k.mode(), dump.architecture().byteOrder()));
    }

    public static Session open(Path path, OpenOptions options) {
        return open(path, options, Progress.NONE);
    }

    /** Opens a file, reporting long work (indexing a flattened dump) to {@code progress}. */
    public static Session open(Path path, OpenOptions options, Progress progress) {
        return open(DumpFormats.open(path, options.zeroExcluded(), progress), options, progress);
    }

    public static Session open(Storage storage, OpenOptions options) {
        return open(DumpFormats.open(storage, options.zeroExcluded(), Progress.NONE), options);
    }

    public static Session open(Dump opened, OpenOptions options) {
        return open(opened, options, Progress.NONE);
    }

    /**
     * Opens an opened dump: finds its kernel's page tables (VMCOREINFO, CPU notes, a Xen host's dom0,
     * a format's own kernel map) as {@link SessionOpener} explains.
     */
    public static Session open(Dump opened, OpenOptions options, Progress progress) {
        return SessionOpener.open(opened, options, progress);
    }

    /**
     * A session over the dump's memory alone: its kernel is not looked for (no VMCOREINFO search, no Xen
     * discovery), for work that only copies the dump, such as writing a flattened kdump back.
     */
    public static Session memoryOnly(Dump opened) {
        return new Session(opened, Optional.empty(), Optional.of("the kernel was not looked for"), Optional.empty(), Optional.empty());
    }

    public Dump dump() {
        return dump;
    }

    public Optional<KernelFacts> kernel() {
        return kernel;
    }

    /** Xen's facts, its own view and dom0, when the dump is a Xen host's. */
    public Optional<XenHost> xenHost() {
        return xenHost;
    }

    /**
     * The paravirtualised domain whose kernel this session translates (dom0 of a Xen host dump), when its
     * p2m is known: its walks give machine addresses with the pseudo-physical ones alongside.
     */
    public Optional<PvDomain> pvDomain() {
        return pvDomain;
    }

    /** Why there is no kernel translation, when there is none. */
    public Optional<String> kernelProblem() {
        return kernelProblem;
    }

    public Memory memory() {
        return dump.memory();
    }

    /** The space translations end in: physical, or machine for a Xen host dump. */
    public Space translatedSpace() {
        return dump.memory().space();
    }

    /** Translates with the kernel's root (or the one chosen at open), or through the dump's own kernel map. */
    public Translation translate(long va) {
        if (kernelMap.isPresent()) {
            return kernelMap.get().translate(va);
        }
        return translate(va, requireKernel().pageTableRoot());
    }

    /** The dump's own map of the kernel's address space, for formats that carry one (FreeBSD minidumps). */
    public Optional<AddressSpaceMap> kernelAddressSpace() {
        return kernelMap;
    }

    /** Translates with another root, e.g. a CPU's CR3 (machine for a Xen host: then the pseudo-physical comes alongside). */
    public Translation translate(long va, long rootRegister) {
        PageTableWalker w = walker.orElseThrow(this::noKernel);
        return pvDomain.map(pv -> pv.translate(w, rootRegister, va)).orElseGet(() -> w.walk(rootRegister, va));
    }

    /**
     * Every mapping of the kernel's page table (or the one chosen at open), coalesced; computed once
     * and kept, since the tables of a dump never change.
     */
    public PageTableDump.Result kernelMappings(Progress progress) {
        PageTableDump.Result r = kernelMappings;
        if (r == null) {
            r = kernelMappings(progress, PageTableDump.Limits.DEFAULT);
            kernelMappings = r;
        }
        return r;
    }

    /** Every mapping of the kernel's page table within another budget than the default; not kept. */
    public PageTableDump.Result kernelMappings(Progress progress, PageTableDump.Limits limits) {
        return kernelMap.isPresent()
                ? kernelMap.get().mappings(dump.memory(), dump.architecture().byteOrder(), progress, limits)
                : mappings(requireKernel().pageTableRoot(), progress, limits);
    }

    /** Every mapping reachable from another root, e.g. a CPU's CR3. */
    public PageTableDump.Result mappings(long rootRegister, Progress progress) {
        return mappings(rootRegister, progress, PageTableDump.Limits.DEFAULT);
    }

    /** Every mapping reachable from another root, within the given budget. */
    public PageTableDump.Result mappings(long rootRegister, Progress progress, PageTableDump.Limits limits) {
        KernelFacts k = requireKernel();
        return new PageTableDump(dump.memory(), k.mode(), dump.architecture().byteOrder(), limits)
                .dump(rootRegister, dump.architecture() == Architecture.AARCH64, progress);
    }

    /**
     * The virtual addresses that map a physical (machine, for a Xen host) address: the kernel's direct
     * map first when it is known, then every other mapping of the kernel's page table.
     */
    public List<Long> virtualAliases(long pa, Progress progress) {
        List<Long> out = new java.util.ArrayList<>();
        for (MappingRange r : kernelMappings(progress).ranges()) {
            if (r.mapsPhysical(pa)) {
                out.add(r.virtualOf(pa));
            }
        }
        out.sort((a, b) -> Boolean.compare(!inDirectMap(a), !inDirectMap(b)));
        return out;
    }

    private boolean inDirectMap(long va) {
        return requireKernel().layout().stream()
                .anyMatch(v -> v.name().equals("direct map") && Long.compareUnsigned(va, v.start()) >= 0
                        && Long.compareUnsigned(va, v.end()) < 0);
    }

    /** A fast translator for many addresses with the kernel's root (one per thread). */
    public BatchTranslator batchTranslator() {
        KernelFacts k = requireKernel();
        if (kernelMap.isPresent()) {
            return BatchTranslator.over(kernelMap.get(), dump.memory(), dump.architecture().byteOrder());
        }
        return new BatchTranslator(dump.memory(), k.mode(), dump.architecture().byteOrder(), k.pageTableRoot());
    }

    public Optional<Long> cpuPageTableRoot(int cpu) {
        return SessionOpener.cpuRoot(dump, cpu);
    }

    /**
     * Reads bytes at an address of any space; virtual reads are translated page by page.
     *
     * @throws MemoryAccessException when a byte is not in the dump or a virtual page is not mapped
     */
    public byte[] read(Space space, long address, int length) {
        byte[] out = new byte[length];
        switch (space) {
            case KERNEL_VIRTUAL -> readVirtual(address, out);
            case PHYSICAL, MACHINE -> {
                if (space == dump.memory().space()) {
                    dump.memory().read(address, out, 0, length);
                } else if (space == Space.PHYSICAL && pvDomain.isPresent()) {
                    pvDomain.get().pseudoPhysical().read(address, out, 0, length);
                } else {
                    throw new UnsupportedDumpException(dump.source(), 0, space.word() + " reads of a dump that holds "
                            + dump.memory().space().word() + " memory need the Xen p2m, which is not known: "
                            + xenHost.map(x -> x.dom0().explanation()).orElse("the dump has no Xen notes"));
                }
            }
            case DUMP_FILE -> {
                if (!dump.storage().contains(address, length)) {
                    throw new MemoryAccessException(Space.DUMP_FILE, address, MemoryAccessException.Reason.NOT_IN_DUMP);
                }
                dump.storage().read(address, out, 0, length);
            }
        }
        return out;
    }

    private void readVirtual(long address, byte[] out) {
        int done = 0;
        while (done < out.length) {
            long va = address + done;
            Translation t = translate(va);
            if (!(t.result() instanceof WalkResult.Mapped m)) {
                throw new UnmappedAddressException(t);
            }
            long pageLeft = m.pageSize() - (va & (m.pageSize() - 1));
            int n = (int) Math.min(out.length - done, pageLeft);
            dump.memory().read(m.address(), out, done, n);
            done += n;
        }
    }

    private KernelFacts requireKernel() {
        return kernel.orElseThrow(this::noKernel);
    }

    private UnsupportedDumpException noKernel() {
        return new UnsupportedDumpException(dump.source(), 0, kernelProblem.orElse("no kernel page tables"));
    }

    @Override
    public void close() {
        dump.close();
    }
}
