package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A folder that looks like the corpus machine's root to the live code, and the kernel behind it:
 * proc/iomem, sys/kernel/vmcoreinfo, sys/kernel/security/lockdown, proc/self/status and
 * sys/devices/system/cpu/online are files; dev/mem (and dev/crash with the driver) are links to the
 * sparse physical memory image; /proc/kcore is synthesized on read like the kernel's (see
 * {@link SyntheticKcore}). Opening applies the kernel's rules for the {@link FakeKernel}: lockdown and
 * CAP_SYS_RAWIO refuse with EPERM, STRICT_DEVMEM refuses RAM above 1 MiB, the crash driver refuses
 * reads across a page. Every open is recorded with its options.
 */
public final class FakeRoot implements FileOpener {
    /** One open the live code asked for. */
    public record Open(Path path, Set<StandardOpenOption> options) {
    }

    private final Path directory;
    private final FakeKernel kernel;
    private final CorpusMachine machine;
    private final List<Open> opens = Collections.synchronizedList(new ArrayList<>());

    private FakeRoot(Path directory, FakeKernel kernel, CorpusMachine machine) {
        this.directory = directory;
        this.kernel = kernel;
        this.machine = machine;
    }

    /** Builds the folder (small text files and links to the shared memory image). */
    public static FakeRoot build(Path directory, FakeKernel kernel) {
        CorpusMachine machine = CorpusMachine.get();
        try {
            write(directory, "proc/iomem", CorpusMachine.truthText("truth/iomem.txt"));
            write(directory, "sys/kernel/vmcoreinfo", CorpusMachine.truthText("truth/sys_kernel_vmcoreinfo.txt"));
            write(directory, "sys/kernel/security/lockdown", lockdownText(kernel.lockdown()));
            write(directory, "proc/self/status", "Name:\tvmscope\nUid:\t0\t0\t0\t0\nCapEff:\t"
                    + (kernel.rawIo() ? "000001ffffffffff" : "000001fffffdffff") + "\n");
            long cpus = CorpusMachine.truthText("truth/cpuinfo.txt").lines().filter(l -> l.startsWith("processor")).count();
            write(directory, "sys/devices/system/cpu/online", "0-" + (cpus - 1) + "\n");
            link(directory.resolve("dev/mem"), machine.image());
            if (kernel.crashDriver()) {
                link(directory.resolve("dev/crash"), machine.image());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the fake root " + directory, e);
        }
        return new FakeRoot(directory, kernel, machine);
    }

    private static String lockdownText(Lockdown mode) {
        StringBuilder b = new StringBuilder();
        for (String word : List.of("none", "integrity", "confidentiality")) {
            b.append(b.isEmpty() ? "" : " ").append(word.equals(mode.word()) ? "[" + word + "]" : word);
        }
        return b.append('\n').toString();
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        try {
            Files.createLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.createSymbolicLink(link, target);
        }
    }

    public Path directory() {
        return directory;
    }

    public CorpusMachine machine() {
        return machine;
    }

    /** The machine root the live code reads this fake through. */
    public MachineRoot machineRoot() {
        return new MachineRoot(directory, this);
    }

    /** Every open so far, in order. */
    public List<Open> opens() {
        synchronized (opens) {
            return List.copyOf(opens);
        }
    }

    @Override
    public PositionalStorage.Source open(Path path, Set<StandardOpenOption> options) throws IOException {
        opens.add(new Open(path, Set.copyOf(options)));
        String file = directory.relativize(path).toString();
        switch (file) {
            case "proc/kcore" -> {
                refuseUnless(path, kernel.rawIo() && kernel.lockdown() != Lockdown.CONFIDENTIALITY);
                return new SyntheticKcore(path, kcoreHeader(), machine.image());
            }
            case "dev/mem" -> {
                refuseUnless(path, kernel.rawIo() && kernel.lockdown() == Lockdown.NONE);
                PositionalStorage.Source device = FileOpener.SYSTEM.open(path, options);
                return kernel.strictDevmem() ? new StrictDevmemDevice(device, machine) : device;
            }
            case "dev/crash" -> {
                if (!kernel.crashDriver()) {
                    throw new NoSuchFileException(path.toString());
                }
                refuseUnless(path, kernel.rawIo());
                return new CrashDevice(FileOpener.SYSTEM.open(path, options));
            }
            default -> {
                return FileOpener.SYSTEM.open(path, options);
            }
        }
    }

    private byte[] kcoreHeader() {
        byte[] header = CorpusMachine.truthBytes("truth/kcore.header.bin");
        return switch (kernel.kcore()) {
            case MODERN -> header;
            case NO_PHYSICAL_ADDRESSES -> SyntheticKcore.withoutPhysicalAddresses(header);
            case NO_VMCOREINFO_NOTE -> SyntheticKcore.withoutVmcoreinfoNote(header);
        };
    }

    /** What open(2) gives when capable() or security_locked_down() says no: EPERM. */
    private static void refuseUnless(Path path, boolean allowed) throws FileSystemException {
        if (!allowed) {
            throw new FileSystemException(path.toString(), null, "Operation not permitted");
        }
    }
}
