package dev.vmscope.core.format.elf;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.CpuStates;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ELF core dump as the kernel writes /proc/vmcore (kexec-tools prepares its headers) and as QEMU's
 * {@code dump-guest-memory} writes it: PT_LOADs of physical memory ({@code p_paddr}) and one or more
 * PT_NOTE segments. A Xen host dump has the same shape with machine addresses.
 */
public final class ElfCoreFormat implements DumpFormat {

    @Override
    public String name() {
        return "ELF core";
    }

    @Override
    public boolean claims(Storage storage) {
        return ElfReader.isElf(storage);
    }

    @Override
    public Dump open(Storage s) {
        ElfHeader h = ElfReader.readHeader(s);
        if (h.type() != ElfHeader.ET_CORE) {
            throw new DumpFormatException(s.name(), 16, "ELF header: e_type",
                    "4 (ET_CORE, a core dump), found " + h.type());
        }
        Architecture arch = Architecture.fromElfMachine(h.machine()).orElseThrow(() ->
                new UnsupportedDumpException(s.name(), 18, "ELF machine " + h.machine()
                        + " (vmscope reads x86_64, i386, aarch64 and arm dumps)"));
        List<ProgramHeader> phdrs = ElfReader.readProgramHeaders(s, h);
        List<ElfNote> notes = ElfNotes.read(s, h, phdrs);
        Space space = notes.stream().anyMatch(n -> n.name().equals(NoteTypes.XEN)) ? Space.MACHINE : Space.PHYSICAL;
        List<SegmentedMemory.Segment> segments = new ArrayList<>();
        for (ProgramHeader p : phdrs) {
            if (p.type() == ProgramHeader.PT_LOAD && p.paddr() != -1) {
                segments.add(new SegmentedMemory.Segment(p.paddr(), p.memsz(), p.offset(), p.filesz()));
            }
        }
        Optional<VmcoreInfo> vmcoreinfo = notes.stream()
                .filter(n -> n.name().equals(NoteTypes.VMCOREINFO))
                .findFirst()
                .map(n -> VmcoreInfo.parse(n.descriptor(), "ELF note VMCOREINFO at offset " + Hex.of(n.fileOffset())));
        boolean qemu = notes.stream().anyMatch(n -> n.name().equals(NoteTypes.QEMU));
        return new Dump(s.name(), qemu ? "elf-qemu" : "elf-kdump", "none", arch,
                new SegmentedMemory(s, space, segments), notes, CpuStates.decode(notes, arch), vmcoreinfo,
                headerFields(h, phdrs, arch), s);
    }

    private static List<FormatField> headerFields(ElfHeader h, List<ProgramHeader> phdrs, Architecture arch) {
        List<FormatField> f = new ArrayList<>();
        String e = "ELF header";
        f.add(new FormatField(e, "class", h.className()));
        f.add(new FormatField(e, "data", h.byteOrder().toString().equals("LITTLE_ENDIAN") ? "little-endian" : "big-endian"));
        f.add(new FormatField(e, "e_type", h.type() + " (ET_CORE)"));
        f.add(new FormatField(e, "e_machine", h.machine() + " (" + arch.id() + ")"));
        f.add(new FormatField(e, "e_phoff", Hex.of(h.phoff())));
        f.add(new FormatField(e, "e_phnum", Long.toString(h.phnum())));
        long loads = phdrs.stream().filter(p -> p.type() == ProgramHeader.PT_LOAD).count();
        long notes = phdrs.stream().filter(p -> p.type() == ProgramHeader.PT_NOTE).count();
        f.add(new FormatField(e, "PT_LOAD segments", Long.toString(loads)));
        f.add(new FormatField(e, "PT_NOTE segments", Long.toString(notes)));
        int shown = 0;
        for (ProgramHeader p : phdrs) {
            if (shown++ == 64) {
                f.add(new FormatField("Program headers", "…", (phdrs.size() - 64) + " more"));
                break;
            }
            f.add(new FormatField("Program headers", "[" + p.index() + "] " + p.typeName(),
                    "offset " + Hex.of(p.offset()) + " vaddr " + Hex.of(p.vaddr()) + " paddr " + Hex.of(p.paddr())
                            + " filesz " + Hex.of(p.filesz()) + " memsz " + Hex.of(p.memsz())));
        }
        return f;
    }
}
