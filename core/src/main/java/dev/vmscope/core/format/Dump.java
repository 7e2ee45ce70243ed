package dev.vmscope.core.format;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.format.raw.PlainMemoryDump;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/**
 * An opened dump: its memory (in one address space) and the facts its headers and notes give.
 *
 * @param format      the format's id as in {@code info --json} ({@code elf-kdump}, {@code elf-qemu}, ...)
 * @param compression {@code none}, {@code zlib}, ...
 * @param header      every header field, for the info view
 * @param kernelMap   how the kernel's virtual addresses translate, when the format says so itself (FreeBSD
 *                    minidumps keep page-table entries, not a page-table root)
 */
public record Dump(String source, String format, String compression, Architecture architecture,
                   Memory memory, List<ElfNote> notes, List<CpuState> cpus, Optional<VmcoreInfo> vmcoreinfo,
                   List<FormatField> header, Storage storage, Optional<KernelMap> kernelMap) implements AutoCloseable {

    public Dump {
        notes = List.copyOf(notes);
        cpus = List.copyOf(cpus);
        header = List.copyOf(header);
        java.util.Objects.requireNonNull(kernelMap);
    }

    /** A dump whose kernel translates through its page tables (every format but FreeBSD minidumps). */
    public Dump(String source, String format, String compression, Architecture architecture,
                Memory memory, List<ElfNote> notes, List<CpuState> cpus, Optional<VmcoreInfo> vmcoreinfo,
                List<FormatField> header, Storage storage) {
        this(source, format, compression, architecture, memory, notes, cpus, vmcoreinfo, header, storage, Optional.empty());
    }

    /**
     * The dump with VMCOREINFO from elsewhere. A raw image or a LiME file names no architecture (one was
     * assumed at open); for those the VMCOREINFO's word on the architecture, when it has one, is taken.
     */
    public Dump withVmcoreInfo(VmcoreInfo info) {
        Architecture arch = PlainMemoryDump.FORMATS.contains(format)
                ? ArchitectureGuess.fromVmcoreInfo(info).orElse(architecture) : architecture;
        List<FormatField> fields = arch == architecture ? header : PlainMemoryDump.withArchitecture(header, arch);
        return new Dump(source, format, compression, arch, memory, notes, cpus, Optional.of(info), fields, storage, kernelMap);
    }

    public int cpuCount() {
        return dev.vmscope.core.notes.CpuStates.cpuCount(cpus);
    }

    /** Closes the storage, and the memory too when it holds further files (a split kdump set). */
    @Override
    public void close() {
        storage.close();
        if (memory instanceof AutoCloseable more) {
            try {
                more.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + source + " failed", e);
            }
        }
    }
}
