package dev.vmscope.core;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.X86_64Kernel;
import dev.vmscope.core.kernel.X86_64Layout;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private Session(Dump dump, Optional<KernelFacts> kernel, Optional<String> kernelProblem) {
        this.dump = dump;
        this.kernel = kernel;
        this.kernelProblem = kernelProblem;
        this.walker = kernel.map(k -> new PageTableWalker(dump.memory(), k.mode(), dump.architecture().byteOrder()));
    }

    public static Session open(Path path, OpenOptions options) {
        return open(DumpFormats.open(path), options);
    }

    public static Session open(Storage storage, OpenOptions options) {
        return open(DumpFormats.open(storage), options);
    }

    public static Session open(Dump opened, OpenOptions options) {
        try {
            Dump dump = options.vmcoreinfo().map(f -> opened.withVmcoreInfo(readVmcoreInfo(f))).orElse(opened);
            return switch (dump.architecture()) {
                case X86_64 -> openX86_64(dump, options);
                default -> new Session(dump, Optional.empty(), Optional.of("page-table walks of " + dump.architecture().id()
                        + " dumps are not available in this version"));
            };
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static Session openX86_64(Dump dump, OpenOptions options) {
        Optional<KernelFacts> fromInfo = dump.vmcoreinfo().flatMap(X86_64Kernel::fromVmcoreInfo);
        KernelFacts facts = fromInfo.orElse(null);
        if (facts == null) {
            facts = new KernelFacts(dump.vmcoreinfo().flatMap(VmcoreInfo::osRelease),
                    X86_64Kernel.pagingMode(dump.vmcoreinfo()), 0, "none", 0, 0, java.util.List.of());
        }
        if (options.root().isPresent()) {
            facts = facts.withRoot(options.root().getAsLong(), "--root " + Hex.of(options.root().getAsLong()));
        } else if (options.cpu().isPresent()) {
            int n = options.cpu().getAsInt();
            long cr3 = cpuRoot(dump, n).orElseThrow(() -> new UnsupportedDumpException(dump.source(), 0,
                    "--cpu " + n + ": the dump's notes give no CR3 for CPU " + n));
            facts = facts.withRoot(facts.mode().entries().rootTable(cr3), "CR3 of CPU " + n);
        } else if (fromInfo.isEmpty()) {
            Optional<CpuState> withRoot = dump.cpus().stream().filter(c -> c.pageTableRoot().isPresent()).findFirst();
            if (withRoot.isEmpty()) {
                return new Session(dump, Optional.empty(), Optional.of(
                        "no kernel page-table root: the dump has no VMCOREINFO and no CPU note with CR3 (give --root ADDR or --vmcoreinfo FILE)"));
            }
            CpuState c = withRoot.get();
            facts = facts.withRoot(facts.mode().entries().rootTable(c.pageTableRoot().get()), "CR3 of CPU " + c.cpu() + " (" + c.source() + " note)");
        }
        if (dump.vmcoreinfo().isPresent()) {
            PageTableWalker w = new PageTableWalker(dump.memory(), facts.mode(), dump.architecture().byteOrder());
            facts = facts.withLayout(new X86_64Layout(dump.memory(), w, facts.pageTableRoot(), dump.vmcoreinfo().get()).regions());
        }
        return new Session(dump, Optional.of(facts), Optional.empty());
    }

    private static Optional<Long> cpuRoot(Dump dump, int cpu) {
        return dump.cpus().stream().filter(c -> c.cpu() == cpu).map(CpuState::pageTableRoot)
                .flatMap(Optional::stream).findFirst();
    }

    private static VmcoreInfo readVmcoreInfo(Path file) {
        try {
            return VmcoreInfo.parse(Files.readString(file, StandardCharsets.ISO_8859_1), "file " + file);
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
