package dev.vmscope.core.format.kdump;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.ArchitectureGuess;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.elf.ElfNotes;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.CpuStates;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * makedumpfile's compressed kdump ({@code "KDUMP   "}, legacy {@code "DISKDUMP"}): header, sub-header
 * with VMCOREINFO and the ELF notes, two page bitmaps, 24-byte page descriptors, page data.
 * Opening reads the headers and the bitmaps only.
 */
public final class KdumpCompressedFormat implements DumpFormat {
    /** A bitmap larger than this would describe more than 16 TiB of 4 KiB pages. */
    static final long MAX_BITMAP_BYTES = 512L << 20;
    private static final int MAX_VMCOREINFO = 1 << 20;

    private final boolean zeroExcluded;

    public KdumpCompressedFormat() {
        this(false);
    }

    /** @param zeroExcluded read pages excluded by filtering as zeros instead of reporting them */
    public KdumpCompressedFormat(boolean zeroExcluded) {
        this.zeroExcluded = zeroExcluded;
    }

    @Override
    public String name() {
        return "compressed kdump";
    }

    @Override
    public boolean claims(Storage storage) {
        if (!storage.contains(0, 8)) {
            return false;
        }
        String sig = new String(storage.read(0, 8), java.nio.charset.StandardCharsets.ISO_8859_1);
        return sig.equals("KDUMP   ") || sig.equals("DISKDUMP");
    }

    @Override
    public Dump open(Storage s) {
        KdumpHeader h = KdumpHeaderReader.readHeader(s);
        KdumpSubHeader sub = h.headerVersion() >= 1 ? KdumpHeaderReader.readSubHeader(s, h) : null;
        long maxMapnr = sub != null && h.headerVersion() >= 6 && sub.maxMapnr64() != 0 ? sub.maxMapnr64() : h.maxMapnr();
        long bitmapAt = (long) h.blockSize() * (1 + h.subHeaderBlocks());
        long oneBitmap = h.bitmapBlocks() / 2 * h.blockSize();
        if (h.bitmapBlocks() == 0 || h.bitmapBlocks() % 2 != 0 || oneBitmap > MAX_BITMAP_BYTES
                || !s.contains(bitmapAt, 2 * oneBitmap)) {
            throw new DumpFormatException(s.name(), h.wide() ? 436 : 424, "compressed kdump header: bitmap_blocks",
                    "an even number of blocks holding two bitmaps inside the file, found " + h.bitmapBlocks()
                            + " blocks of " + Hex.of(h.blockSize()) + " at " + Hex.of(bitmapAt));
        }
        // max_mapnr is unsigned; one past what the bitmaps hold means no more than they hold
        long bits = Long.compareUnsigned(maxMapnr, oneBitmap * 8) < 0 ? maxMapnr : oneBitmap * 8;
        PageBitmap valid = new PageBitmap(s.read(bitmapAt, (int) oneBitmap), bits);
        PageBitmap dumped = new PageBitmap(s.read(bitmapAt + oneBitmap, (int) oneBitmap), bits);
        long descriptorsAt = bitmapAt + 2 * oneBitmap;
        List<ElfNote> notes = sub == null ? List.of() : notes(s, sub);
        Optional<VmcoreInfo> vmcoreinfo = vmcoreinfo(s, sub, notes);
        Architecture arch = ArchitectureGuess.of(h.machine(), notes, vmcoreinfo).orElseThrow(() ->
                new UnsupportedDumpException(s.name(), 12 + 4 * KdumpHeaderReader.UTS_LENGTH,
                        "a compressed kdump whose architecture cannot be told (utsname.machine \"" + h.machine()
                                + "\", no PRSTATUS note or VMCOREINFO that names it)"));
        Space space = notes.stream().anyMatch(n -> n.name().equals(NoteTypes.XEN)) ? Space.MACHINE : Space.PHYSICAL;
        KdumpMemory memory = new KdumpMemory(s, space, h.blockSize(), valid, dumped, descriptorsAt, zeroExcluded);
        return new Dump(s.name(), "kdump-compressed", h.compression(), arch, memory, notes,
                CpuStates.decode(notes, arch), vmcoreinfo, fields(h, sub, maxMapnr, memory), s);
    }

    private static List<ElfNote> notes(Storage s, KdumpSubHeader sub) {
        if (sub.sizeNote() == 0) {
            return List.of();
        }
        if (sub.sizeNote() > ElfNotes.MAX_NOTE_SEGMENT || !s.contains(sub.offsetNote(), sub.sizeNote())) {
            throw new DumpFormatException(s.name(), sub.offsetNote(), "compressed kdump sub-header: offset_note/size_note",
                    "a note area inside the file, found " + Hex.of(sub.sizeNote()) + " bytes at " + Hex.of(sub.offsetNote()));
        }
        return ElfNotes.parse(s.read(sub.offsetNote(), (int) sub.sizeNote()), sub.offsetNote(), ByteOrder.LITTLE_ENDIAN, s.name());
    }

    private static Optional<VmcoreInfo> vmcoreinfo(Storage s, KdumpSubHeader sub, List<ElfNote> notes) {
        if (sub != null && sub.sizeVmcoreinfo() > 0) {
            if (sub.sizeVmcoreinfo() > MAX_VMCOREINFO || !s.contains(sub.offsetVmcoreinfo(), sub.sizeVmcoreinfo())) {
                throw new DumpFormatException(s.name(), sub.offsetVmcoreinfo(),
                        "compressed kdump sub-header: offset_vmcoreinfo/size_vmcoreinfo",
                        "VMCOREINFO text inside the file, found " + Hex.of(sub.sizeVmcoreinfo()) + " bytes at " + Hex.of(sub.offsetVmcoreinfo()));
            }
            return Optional.of(VmcoreInfo.parse(s.read(sub.offsetVmcoreinfo(), (int) sub.sizeVmcoreinfo()),
                    "sub-header VMCOREINFO at offset " + Hex.of(sub.offsetVmcoreinfo())));
        }
        return notes.stream().filter(n -> n.name().equals(NoteTypes.VMCOREINFO)).findFirst()
                .map(n -> VmcoreInfo.parse(n.descriptor(), "sub-header note VMCOREINFO at offset " + Hex.of(n.fileOffset())));
    }

    private static List<FormatField> fields(KdumpHeader h, KdumpSubHeader sub, long maxMapnr, KdumpMemory memory) {
        List<FormatField> f = new ArrayList<>();
        String d = "disk_dump_header";
        f.add(new FormatField(d, "signature", h.signature()));
        f.add(new FormatField(d, "header_version", Integer.toString(h.headerVersion())));
        f.add(new FormatField(d, "layout", h.wide() ? "64-bit" : "32-bit"));
        f.add(new FormatField(d, "utsname.sysname", h.sysname()));
        f.add(new FormatField(d, "utsname.release", h.release()));
        f.add(new FormatField(d, "utsname.version", h.version()));
        f.add(new FormatField(d, "utsname.machine", h.machine()));
        f.add(new FormatField(d, "utsname.domainname", h.domainname()));
        f.add(new FormatField(d, "timestamp", Long.toString(h.timestampSeconds())));
        f.add(new FormatField(d, "status", Hex.of(h.status()) + " (" + h.compression() + (h.incomplete() ? ", incomplete" : "") + ")"));
        f.add(new FormatField(d, "block_size", Integer.toString(h.blockSize())));
        f.add(new FormatField(d, "sub_hdr_size", Integer.toString(h.subHeaderBlocks())));
        f.add(new FormatField(d, "bitmap_blocks", Long.toString(h.bitmapBlocks())));
        f.add(new FormatField(d, "max_mapnr", Hex.of(maxMapnr)));
        f.add(new FormatField(d, "total_ram_blocks", Long.toString(h.totalRamBlocks())));
        f.add(new FormatField(d, "device_blocks", Long.toString(h.deviceBlocks())));
        f.add(new FormatField(d, "written_blocks", Long.toString(h.writtenBlocks())));
        f.add(new FormatField(d, "current_cpu", Long.toString(h.currentCpu())));
        f.add(new FormatField(d, "nr_cpus", Integer.toString(h.nrCpus())));
        if (sub != null) {
            String k = "kdump_sub_header (" + sub.packing() + ")";
            f.add(new FormatField(k, "phys_base", Hex.of(sub.physBase())));
            f.add(new FormatField(k, "dump_level", sub.dumpLevel() + " (" + DumpLevel.describe(sub.dumpLevel()) + ")"));
            f.add(new FormatField(k, "split", Integer.toString(sub.split())));
            f.add(new FormatField(k, "offset_vmcoreinfo", Hex.of(sub.offsetVmcoreinfo())));
            f.add(new FormatField(k, "size_vmcoreinfo", Hex.of(sub.sizeVmcoreinfo())));
            f.add(new FormatField(k, "offset_note", Hex.of(sub.offsetNote())));
            f.add(new FormatField(k, "size_note", Hex.of(sub.sizeNote())));
            f.add(new FormatField(k, "offset_eraseinfo", Hex.of(sub.offsetEraseinfo())));
            f.add(new FormatField(k, "size_eraseinfo", Hex.of(sub.sizeEraseinfo())));
            f.add(new FormatField(k, "start_pfn_64", Hex.of(sub.startPfn64())));
            f.add(new FormatField(k, "end_pfn_64", Hex.of(sub.endPfn64())));
            f.add(new FormatField(k, "max_mapnr_64", Hex.of(sub.maxMapnr64())));
        }
        String p = "pages";
        f.add(new FormatField(p, "RAM pages (first bitmap)", Long.toString(memory.validPages())));
        f.add(new FormatField(p, "dumped pages (second bitmap)", Long.toString(memory.dumpedPages())));
        f.add(new FormatField(p, "excluded pages", Long.toString(memory.validPages() - Math.min(memory.validPages(), memory.dumpedPages()))));
        return f;
    }
}
