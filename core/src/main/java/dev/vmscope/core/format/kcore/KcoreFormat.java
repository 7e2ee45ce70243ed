package dev.vmscope.core.format.kcore;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpException;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.elf.ElfHeader;
import dev.vmscope.core.format.elf.ElfNotes;
import dev.vmscope.core.format.elf.ElfReader;
import dev.vmscope.core.format.elf.ProgramHeader;
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
 * Linux's {@code /proc/kcore} (fs/proc/kcore.c) saved as a file: an ELF core whose PT_LOADs carry kernel
 * virtual addresses in {@code p_vaddr} — the direct map, the kernel text, vmalloc, modules, vmemmap —
 * and, from Linux 4.11, the physical address in {@code p_paddr} for RAM and text ({@code -1} for the
 * rest); from 4.19 a VMCOREINFO note. Told from other ELF cores by its notes ({@code CORE/NT_TASKSTRUCT},
 * or {@code CORE/NT_PRPSINFO} without the auxiliary vector of a process core) and loads in the kernel
 * half. The dump's memory is physical, from the segments with a physical address; the virtual-only
 * segments are read through the page tables. A copy may hold only some segments: those whose bytes are
 * not in the file are listed as not saved.
 */
public final class KcoreFormat implements DumpFormat {

    @Override
    public String name() {
        return "/proc/kcore";
    }

    @Override
    public boolean claims(Storage s) {
        if (!ElfReader.isElf(s)) {
            return false;
        }
        try {
            ElfHeader h = ElfReader.readHeader(s);
            if (h.type() != ElfHeader.ET_CORE) {
                return false;
            }
            List<ProgramHeader> phdrs = ElfReader.readProgramHeaders(s, h, false);
            if (phdrs.stream().noneMatch(p -> p.type() == ProgramHeader.PT_LOAD && kernelHalf(p.vaddr(), h))) {
                return false;
            }
            List<ElfNote> notes = ElfNotes.read(s, h, phdrs);
            boolean task = notes.stream().anyMatch(n -> n.is(NoteTypes.CORE, NoteTypes.NT_TASKSTRUCT));
            boolean psinfo = notes.stream().anyMatch(n -> n.is(NoteTypes.CORE, NoteTypes.NT_PRPSINFO));
            boolean auxv = notes.stream().anyMatch(n -> n.is(NoteTypes.CORE, NoteTypes.NT_AUXV));
            return task || (psinfo && !auxv);
        } catch (DumpException e) {
            return false; // a corrupt ELF is for the ELF core reader to report
        }
    }

    /** Whether a virtual address lies in the upper half of the address width, where kernels live. */
    static boolean kernelHalf(long vaddr, ElfHeader h) {
        return h.is64() ? vaddr < 0 : (vaddr & 0x80000000L) != 0;
    }

    @Override
    public Dump open(Storage s) {
        ElfHeader h = ElfReader.readHeader(s);
        if (h.type() != ElfHeader.ET_CORE) {
            throw new DumpFormatException(s.name(), 16, "ELF header: e_type", "4 (ET_CORE), found " + h.type());
        }
        Architecture arch = Architecture.fromElfMachine(h.machine()).orElseThrow(() ->
                new UnsupportedDumpException(s.name(), 18, "ELF machine " + h.machine()
                        + " (vmscope reads x86_64, i386, aarch64 and arm dumps)"));
        List<ProgramHeader> phdrs = ElfReader.readProgramHeaders(s, h, false);
        List<ElfNote> notes = ElfNotes.read(s, h, phdrs);
        List<ProgramHeader> loads = phdrs.stream().filter(p -> p.type() == ProgramHeader.PT_LOAD).toList();
        // from 4.11 the segments without a physical address say so with ~0; before, every p_paddr was 0
        boolean physical = loads.stream().anyMatch(p -> virtualOnly(p, h) || p.paddr() != 0);
        if (!physical) {
            throw new UnsupportedDumpException(s.name(), h.phoff(), "a /proc/kcore whose segments give no physical address"
                    + " (p_paddr is 0 in every PT_LOAD, as before Linux 4.11): its pages cannot be placed in physical memory");
        }
        List<SegmentedMemory.Segment> segments = new ArrayList<>();
        for (ProgramHeader p : loads) {
            if (!virtualOnly(p, h) && saved(s, p)) {
                segments.add(new SegmentedMemory.Segment(p.paddr(), p.memsz(), p.offset(), p.filesz()));
            }
        }
        Optional<VmcoreInfo> vmcoreinfo = notes.stream().filter(n -> n.name().equals(NoteTypes.VMCOREINFO)).findFirst()
                .map(n -> VmcoreInfo.parse(n.descriptor(), "kcore note VMCOREINFO at offset " + Hex.of(n.fileOffset())));
        return new Dump(s.name(), "kcore", "none", arch, new SegmentedMemory(s, Space.PHYSICAL, segments), notes,
                CpuStates.decode(notes, arch), vmcoreinfo, fields(s, h, loads, arch), s);
    }

    /** Whether a segment has no physical address: {@code p_paddr} all ones in the file's word size. */
    static boolean virtualOnly(ProgramHeader p, ElfHeader h) {
        return p.paddr() == (h.is64() ? -1L : 0xffffffffL);
    }

    /** Whether a segment's bytes are all in this copy of the file. */
    static boolean saved(Storage s, ProgramHeader p) {
        return p.offset() >= 0 && p.filesz() >= 0 && s.contains(p.offset(), p.filesz());
    }

    private static List<FormatField> fields(Storage s, ElfHeader h, List<ProgramHeader> loads, Architecture arch) {
        List<FormatField> f = new ArrayList<>();
        String e = "ELF header";
        f.add(new FormatField(e, "class", h.className()));
        f.add(new FormatField(e, "e_machine", h.machine() + " (" + arch.id() + ")"));
        f.add(new FormatField(e, "PT_LOAD segments", Integer.toString(loads.size())));
        long notSaved = loads.stream().filter(p -> !saved(s, p)).count();
        f.add(new FormatField(e, "segments not saved in this file", Long.toString(notSaved)));
        String k = "kcore segments";
        for (ProgramHeader p : loads) {
            if (p.index() >= 64) {
                f.add(new FormatField(k, "…", (loads.size() - 64) + " more"));
                break;
            }
            String kind = virtualOnly(p, h) ? "virtual only (read through the page tables)"
                    : "physical " + Hex.of(p.paddr()) + "-" + Hex.of(p.paddr() + p.memsz());
            f.add(new FormatField(k, "[" + p.index() + "] " + Hex.of(p.vaddr()) + "-" + Hex.of(p.vaddr() + p.memsz()),
                    kind + (saved(s, p) ? "" : ", not saved in this file")));
        }
        return f;
    }
}
