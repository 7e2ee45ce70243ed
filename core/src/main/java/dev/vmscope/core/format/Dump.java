package dev.vmscope.core.format;

import dev.vmscope.core.Architecture;
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

    public Dump withVmcoreInfo(VmcoreInfo info) {
        return new Dump(source, format, compression, architecture, memory, notes, cpus, Optional.of(info), header, storage, kernelMap);
    }

    public int cpuCount() {
        return dev.vmscope.core.notes.CpuStates.cpuCount(cpus);
    }

    @Override
    public void close() {
        storage.close();
    }
}
