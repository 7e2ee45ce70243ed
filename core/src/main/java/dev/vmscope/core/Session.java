package dev.vmscope.core;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.DumpFacts;
import dev.vmscope.core.kernel.KernelBootstrap;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.core.xlat.PageTableDump;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.io.IOException;
import java.nio.file.Files;
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
    private volatile PageTableDump.Result kernelMappings;

    private Session(Dump dump, Optional<KernelFacts> kernel, Optional<String> kernelProblem) {
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
        return open(DumpFormats.open(path, options.zeroExcluded(), progress), options);
    }

    public static Session open(Storage storage, OpenOptions options) {
        return open(DumpFormats.open(storage, options.zeroExcluded(), Progress.NONE), options);
    }

    public static Session open(Dump opened, OpenOptions options) {
        try {
            Dump dump = options.vmcoreinfo().map(f -> opened.withVmcoreInfo(readVmcoreInfo(f))).orElse(opened);
            return bootstrap(dump, options);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Finds the kernel's page-table root: {@code --root}, else {@code --cpu N}'s root register, else
     * VMCOREINFO, else the first CPU note that carries a root register.
     */
    private static Session bootstrap(Dump dump, OpenOptions options) {
        KernelBootstrap arch = KernelBootstrap.of(dump.architecture());
        DumpFacts inputs = new DumpFacts(dump.architecture(), dump.memory(), dump.cpus(), dump.vmcoreinfo());
        PagingMode mode = arch.pagingMode(inputs);
        Optional<KernelFacts> fromInfo = arch.fromVmcoreInfo(inputs, mode);
        KernelFacts facts = fromInfo.orElseGet(() -> new KernelFacts(dump.vmcoreinfo().flatMap(VmcoreInfo::osRelease),
                mode, 0, "none", 0, 0, List.of()));
        if (options.root().isPresent()) {
            facts = facts.withRoot(options.root().getAsLong(), "--root " + Hex.of(options.root().getAsLong()));
        } else if (options.cpu().isPresent()) {
            int n = options.cpu().getAsInt();
            long root = cpuRoot(dump, n).orElseThrow(() -> new UnsupportedDumpException(dump.source(), 0,
                    "--cpu " + n + ": the dump's notes give no page-table root register for CPU " + n));
            facts = facts.withRoot(facts.mode().entries().rootTable(root), "root register of CPU " + n);
        } else if (fromInfo.isEmpty()) {
            Optional<CpuState> withRoot = dump.cpus().stream().filter(c -> c.pageTableRoot().isPresent()).findFirst();
            if (withRoot.isEmpty()) {
                String why = dump.vmcoreinfo().isPresent()
                        ? "its VMCOREINFO names no usable page-table root"
                        : "the dump has no VMCOREINFO";
                return new Session(dump, Optional.empty(), Optional.of("no kernel page-table root: " + why
                        + " and no CPU note carries a root register (give --root ADDR or --vmcoreinfo FILE)"));
            }
            CpuState c = withRoot.get();
            facts = facts.withRoot(facts.mode().entries().rootTable(c.pageTableRoot().get()),
                    "root register of CPU " + c.cpu() + " (" + c.source() + " note)");
        }
        PageTableWalker walker = new PageTableWalker(dump.memory(), facts.mode(), dump.architecture().byteOrder());
        facts = facts.withLayout(arch.layout(inputs, walker, facts));
        return new Session(dump, Optional.of(facts), Optional.empty());
    }

    private static Optional<Long> cpuRoot(Dump dump, int cpu) {
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

    public Dump dump() {
        return dump;
    }

    public Optional<KernelFacts> kernel() {
        return kernel;
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

    /** Translates with the kernel's root (or the one chosen at open). */
    public Translation translate(long va) {
        return translate(va, requireKernel().pageTableRoot());
    }

    /** Translates with another root, e.g. a CPU's CR3. */
    public Translation translate(long va, long rootRegister) {
        return walker.orElseThrow(this::noKernel).walk(rootRegister, va);
    }

    /**
     * Every mapping of the kernel's page table (or the one chosen at open), coalesced; computed once
     * and kept, since the tables of a dump never change.
     */
    public PageTableDump.Result kernelMappings(Progress progress) {
        PageTableDump.Result r = kernelMappings;
        if (r == null) {
            r = mappings(requireKernel().pageTableRoot(), progress);
            kernelMappings = r;
        }
        return r;
    }

    /** Every mapping reachable from another root, e.g. a CPU's CR3. */
    public PageTableDump.Result mappings(long rootRegister, Progress progress) {
        KernelFacts k = requireKernel();
        return new PageTableDump(dump.memory(), k.mode(), dump.architecture().byteOrder())
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
        return new BatchTranslator(dump.memory(), k.mode(), dump.architecture().byteOrder(), k.pageTableRoot());
    }

    public Optional<Long> cpuPageTableRoot(int cpu) {
        return cpuRoot(dump, cpu);
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
                if (space != dump.memory().space()) {
                    throw new UnsupportedDumpException(dump.source(), 0, space.word() + " reads of a dump that holds "
                            + dump.memory().space().word() + " memory need the Xen p2m");
                }
                dump.memory().read(address, out, 0, length);
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
