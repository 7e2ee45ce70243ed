package dev.vmscope.core.format.xccore;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.elf.ElfNotes;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.ElfNote;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code xl dump-core} (libxenguest's xc_core): an ELF64 {@code ET_CORE} with no program headers and
 * sections found by name: {@code .note.Xen}, {@code .xen_prstatus}, {@code .xen_shared_info},
 * {@code .xen_pages}, and {@code .xen_p2m} (PV) or {@code .xen_pfn} (HVM). It must come before the
 * generic ELF core in the probe list, which would take it for a core with no memory.
 */
public final class XcCoreFormat implements DumpFormat {
    /** The format's id in {@code info --json}. */
    public static final String ID = "xc-core";
    private static final long MAX_NOTES = 1 << 20;

    private final Progress progress;

    public XcCoreFormat() {
        this(Progress.NONE);
    }

    /** @param progress reports reading the page tables of large files */
    public XcCoreFormat(Progress progress) {
        this.progress = progress;
    }

    @Override
    public String name() {
        return "Xen dump-core";
    }

    /**
     * A section-only ELF64 core with a section named {@code .note.Xen}, or (when the names are cut off) a
     * note section whose first note is a {@code Xen} one.
     */
    @Override
    public boolean claims(Storage storage) {
        if (!ElfSections.sectionOnlyCore(storage)) {
            return false;
        }
        try {
            ElfSections sections = ElfSections.read(storage, true);
            return sections.find(".note.Xen").isPresent()
                    || sections.all().stream().anyMatch(x -> x.type() == ElfSection.SHT_NOTE && firstNoteIsXen(storage, x, sections.order()));
        } catch (DumpFormatException e) {
            return false;
        }
    }

    private static boolean firstNoteIsXen(Storage s, ElfSection note, ByteOrder order) {
        if (note.offset() < 0 || !s.contains(note.offset(), 16)) {
            return false;
        }
        byte[] h = s.read(note.offset(), 16);
        return Bytes.u32(h, 0, order) == 4 && h[12] == 'X' && h[13] == 'e' && h[14] == 'n' && h[15] == 0;
    }

    @Override
    public Dump open(Storage s) {
        String file = s.name();
        ElfSections sections = ElfSections.read(s);
        ByteOrder order = sections.order();
        ElfSection noteSection = sections.require(".note.Xen", file, "the dump-core notes");
        if (noteSection.size() > MAX_NOTES) {
            throw new DumpFormatException(file, noteSection.headerOffset() + 32, "section .note.Xen: sh_size",
                    "at most " + Hex.of(MAX_NOTES) + " bytes of notes, found " + Hex.of(noteSection.size()));
        }
        List<ElfNote> notes = ElfNotes.parse(s.read(noteSection.offset(), (int) noteSection.size()), noteSection.offset(), order, file);
        XcCoreHeader header = XcCoreHeader.of(notes, noteSection, order, file);
        Architecture arch = architecture(s, order, header);
        ElfSection pages = sections.require(".xen_pages", file, "the guest's pages");
        String tableName = header.hvm() ? ".xen_pfn" : ".xen_p2m";
        ElfSection table = sections.require(tableName, file, header.hvm() ? "the frame of each page of an HVM guest"
                : "the pfn and machine frame of each page of a PV guest");
        XcCoreMemory memory = XcCoreMemory.open(s, header, pages, table, order, progress);
        ElfSection prstatus = sections.require(".xen_prstatus", file, "the vCPU contexts");
        var cpus = XcCoreVcpus.read(s, prstatus, header.vcpus(), header.guestWidth(), order);
        return new Dump(file, ID, "none", arch, memory, notes, cpus, Optional.empty(), fields(header, sections), s);
    }

    private static Architecture architecture(Storage s, ByteOrder order, XcCoreHeader h) {
        int machine = Bytes.u16(s.read(18, 2), 0, order);
        if (machine == Architecture.X86_64.elfMachine()) {
            return h.guestWidth() == 4 ? Architecture.I386 : Architecture.X86_64;
        }
        if (machine == Architecture.I386.elfMachine()) {
            return Architecture.I386;
        }
        throw new UnsupportedDumpException(s.name(), 18, "an xl dump-core file of ELF machine " + machine
                + " (vmscope reads the x86 dump-core layouts)");
    }

    private static List<FormatField> fields(XcCoreHeader h, ElfSections sections) {
        List<FormatField> f = new ArrayList<>();
        String n = "xen_dumpcore_elfnote_header";
        f.add(new FormatField(n, "xch_magic", h.hvm() ? "0xf00febee (HVM guest)" : "0xf00febed (PV guest)"));
        f.add(new FormatField(n, "xch_nr_vcpus", Long.toString(h.vcpus())));
        f.add(new FormatField(n, "xch_nr_pages", Long.toString(h.pages())));
        f.add(new FormatField(n, "xch_page_size", Long.toString(h.pageSize())));
        f.add(new FormatField("dump-core", "format version", (h.formatVersion() >>> 32) + "." + (h.formatVersion() & 0xffffffffL)));
        f.add(new FormatField("dump-core", "guest width", h.guestWidth() * 8 + "-bit"));
        h.xenVersion().ifPresent(v -> f.add(new FormatField("xen_version", "version", v)));
        h.capabilities().ifPresent(c -> f.add(new FormatField("xen_version", "capabilities", c)));
        for (ElfSection s : sections.all()) {
            f.add(new FormatField("Sections", "[" + s.index() + "] " + s.name(), "offset " + Hex.of(s.offset()) + " size " + Hex.of(s.size())));
        }
        return f;
    }
}
