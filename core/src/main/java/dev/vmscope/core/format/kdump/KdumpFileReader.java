package dev.vmscope.core.format.kdump;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.ArchitectureGuess;
import dev.vmscope.core.format.elf.ElfNotes;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Reads a compressed kdump up to its page descriptors ({@link KdumpFile}), checking every size and
 * offset against the file before it is used. Page data is not touched.
 */
final class KdumpFileReader {
    /** A bitmap larger than this would describe more than 16 TiB of 4 KiB pages. */
    static final long MAX_BITMAP_BYTES = 512L << 20;
    private static final int MAX_VMCOREINFO = 1 << 20;

    private KdumpFileReader() {
    }

    static KdumpFile read(Storage s) {
        KdumpHeader h = KdumpHeaderReader.readHeader(s);
        Optional<KdumpSubHeader> sub = h.diskdump() ? Optional.empty() : Optional.of(KdumpHeaderReader.readSubHeader(s, h));
        long maxMapnr = sub.filter(x -> x.has(KdumpSubHeader.Since.PFN64) && x.maxMapnr64() != 0)
                .map(KdumpSubHeader::maxMapnr64).orElse(h.maxMapnr());
        long bitmapAt = (long) h.blockSize() * (1 + h.subHeaderBlocks());
        long bitmapBytes = h.bitmapBlocks() * h.blockSize();
        long needed = ceilDiv(ceilDiv(maxMapnr, 8), h.blockSize());
        boolean two = h.bitmapBlocks() >= 2 * needed;
        long one = two ? bitmapBytes / 2 : bitmapBytes;
        if (one > MAX_BITMAP_BYTES) {
            throw new DumpFormatException(s.name(), h.fieldsOffset() + 12, "compressed kdump header: bitmap_blocks",
                    "bitmaps of at most " + Hex.of(MAX_BITMAP_BYTES) + " bytes each, found " + h.bitmapBlocks()
                            + " blocks of " + Hex.of(h.blockSize()));
        }
        long bits = maxMapnr < 0 ? one * 8 : Math.min(maxMapnr, one * 8);
        PageBitmap valid = new PageBitmap(s.read(bitmapAt, (int) one), bits);
        PageBitmap dumped = two ? new PageBitmap(s.read(bitmapAt + one, (int) one), bits) : valid;
        List<ElfNote> notes = sub.map(x -> notes(s, h, x)).orElse(List.of());
        Optional<VmcoreInfo> vmcoreinfo = vmcoreinfo(s, h, sub, notes);
        Architecture arch = ArchitectureGuess.of(h.machine(), notes, vmcoreinfo).orElseThrow(() ->
                new UnsupportedDumpException(s.name(), 12 + 4 * KdumpHeaderReader.UTS_LENGTH,
                        "a compressed kdump whose architecture cannot be told (utsname.machine \"" + h.machine()
                                + "\", no PRSTATUS note or VMCOREINFO that names it)"));
        Space space = notes.stream().anyMatch(n -> n.name().equals(NoteTypes.XEN)) ? Space.MACHINE : Space.PHYSICAL;
        long pfnOffset = pfnOffset(arch, sub, valid, h.blockSize());
        long first = 0;
        long end = bits;
        if (sub.isPresent() && sub.get().isSplitPart()) {
            KdumpSubHeader x = sub.get();
            if (Long.compareUnsigned(x.startPfn64(), x.endPfn64()) > 0 || Long.compareUnsigned(x.endPfn64(), maxMapnr) > 0) {
                throw new DumpFormatException(s.name(), h.blockSize() + pfnField(x), "compressed kdump sub-header: start_pfn/end_pfn",
                        "a pfn range of this part inside 0.." + Hex.of(maxMapnr) + ", found " + Hex.of(x.startPfn64())
                                + ".." + Hex.of(x.endPfn64()));
            }
            // unsigned: a pfn at or above 2^63 is past any bitmap, not negative
            first = Long.compareUnsigned(x.startPfn64(), bits) < 0 ? x.startPfn64() : bits;
            end = Long.compareUnsigned(x.endPfn64(), bits) < 0 ? x.endPfn64() : bits;
        }
        long descriptorsAt = bitmapAt + bitmapBytes;
        long count = dumped.rank(end) - dumped.rank(first);
        if (!h.incomplete() && !s.contains(descriptorsAt, count * PageDescriptor.SIZE)) {
            throw new DumpFormatException(s.name(), descriptorsAt, "compressed kdump page descriptors",
                    count + " descriptors of 24 bytes (one per page set in the dumped bitmap) inside the file (size "
                            + Hex.of(s.size()) + "); the header does not say the dump is incomplete");
        }
        DescriptorCensus census = DescriptorCensus.take(s, descriptorsAt, count, h.blockSize(), h.incomplete());
        return new KdumpFile(s, h, sub, maxMapnr, valid, dumped, two, descriptorsAt, first, end, pfnOffset,
                notes, vmcoreinfo, arch, space, census);
    }

    private static long ceilDiv(long a, long b) {
        return Long.divideUnsigned(a, b) + (Long.remainderUnsigned(a, b) == 0 ? 0 : 1);
    }

    private static int pfnField(KdumpSubHeader x) {
        SubHeaderLayout l = SubHeaderLayout.of(x);
        return x.has(KdumpSubHeader.Since.PFN64) ? l.pfn64 : l.startPfn;
    }

    /**
     * makedumpfile numbers 32-bit ARM frames from {@code phys_base} (its ARCH_PFN_OFFSET) while QEMU
     * numbers them from 0 and writes the same {@code phys_base}: the numbering is relative exactly when
     * the RAM bitmap has pages below {@code phys_base}, where absolute numbering can have none.
     */
    private static long pfnOffset(Architecture arch, Optional<KdumpSubHeader> sub, PageBitmap valid, int blockSize) {
        if (arch != Architecture.ARM || sub.isEmpty()) {
            return 0;
        }
        long base = sub.get().physBase();
        if (base <= 0 || base % blockSize != 0) {
            return 0;
        }
        long basePfn = base / blockSize;
        return valid.next(0, true) < basePfn ? basePfn : 0;
    }

    private static List<ElfNote> notes(Storage s, KdumpHeader h, KdumpSubHeader sub) {
        if (sub.sizeNote() == 0) {
            return List.of();
        }
        if (sub.sizeNote() > ElfNotes.MAX_NOTE_SEGMENT || !s.contains(sub.offsetNote(), sub.sizeNote())) {
            throw new DumpFormatException(s.name(), h.blockSize() + SubHeaderLayout.of(sub).offsetNote,
                    "compressed kdump sub-header: offset_note/size_note",
                    "a note area inside the file, found " + Hex.of(sub.sizeNote()) + " bytes at " + Hex.of(sub.offsetNote()));
        }
        return ElfNotes.parse(s.read(sub.offsetNote(), (int) sub.sizeNote()), sub.offsetNote(), ByteOrder.LITTLE_ENDIAN, s.name());
    }

    private static Optional<VmcoreInfo> vmcoreinfo(Storage s, KdumpHeader h, Optional<KdumpSubHeader> sub, List<ElfNote> notes) {
        if (sub.isPresent() && sub.get().sizeVmcoreinfo() > 0) {
            KdumpSubHeader x = sub.get();
            if (x.sizeVmcoreinfo() > MAX_VMCOREINFO || !s.contains(x.offsetVmcoreinfo(), x.sizeVmcoreinfo())) {
                throw new DumpFormatException(s.name(), h.blockSize() + SubHeaderLayout.of(x).offsetVmcoreinfo,
                        "compressed kdump sub-header: offset_vmcoreinfo/size_vmcoreinfo",
                        "VMCOREINFO text of at most " + Hex.of(MAX_VMCOREINFO) + " bytes inside the file, found "
                                + Hex.of(x.sizeVmcoreinfo()) + " bytes at " + Hex.of(x.offsetVmcoreinfo()));
            }
            return Optional.of(VmcoreInfo.parse(s.read(x.offsetVmcoreinfo(), (int) x.sizeVmcoreinfo()),
                    "sub-header VMCOREINFO at offset " + Hex.of(x.offsetVmcoreinfo())));
        }
        return notes.stream().filter(n -> n.name().equals(NoteTypes.VMCOREINFO)).findFirst()
                .map(n -> VmcoreInfo.parse(n.descriptor(), "sub-header note VMCOREINFO at offset " + Hex.of(n.fileOffset())));
    }
}
