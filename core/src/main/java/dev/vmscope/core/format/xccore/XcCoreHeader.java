package dev.vmscope.core.format.xccore;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code .note.Xen} section of an {@code xl dump-core} file says ({@code xg_core.h},
 * {@code docs/misc/dump-core-format.txt}): the header note (magic, vCPUs, pages, page size), the
 * format version, and the Xen version note, whose {@code pagesize} field sits 4 bytes early when the
 * guest is 32-bit.
 *
 * @param hvm        magic {@code 0xF00FEBEE} (a fully virtualised guest) rather than {@code 0xF00FEBED}
 * @param guestWidth 8 or 4 bytes: the guest's word size
 * @param xenVersion e.g. {@code 4.17.7}, when the version note is there
 */
public record XcCoreHeader(boolean hvm, long vcpus, long pages, long pageSize, long formatVersion, int guestWidth,
                           Optional<String> xenVersion, Optional<String> capabilities) {
    public static final long NONE = 0x2000000;
    public static final long HEADER = 0x2000001;
    public static final long XEN_VERSION = 0x2000002;
    public static final long FORMAT_VERSION = 0x2000003;
    public static final long MAGIC_PV = 0xF00FEBEDL;
    public static final long MAGIC_HVM = 0xF00FEBEEL;
    static final int VERSION_SIZE = 1280;
    private static final int PAGESIZE_AT = 1272;

    /** Reads the notes of {@code .note.Xen}. */
    static XcCoreHeader of(List<ElfNote> notes, ElfSection section, ByteOrder order, String file) {
        ElfNote header = note(notes, HEADER).orElseThrow(() -> new DumpFormatException(file, section.offset(), ".note.Xen",
                "a Xen note of type 0x2000001 (XEN_ELFNOTE_DUMPCORE_HEADER)"));
        byte[] h = header.descriptor();
        if (h.length < 32) {
            throw new DumpFormatException(file, header.fileOffset(), "XEN_ELFNOTE_DUMPCORE_HEADER: n_descsz",
                    "32 bytes (magic, nr_vcpus, nr_pages, page_size), found " + h.length);
        }
        long magic = Bytes.u64(h, 0, order);
        if (magic != MAGIC_PV && magic != MAGIC_HVM) {
            throw new DumpFormatException(file, header.fileOffset() + 16, "XEN_ELFNOTE_DUMPCORE_HEADER: xch_magic",
                    "0xf00febed (PV) or 0xf00febee (HVM), found " + Hex.of(magic));
        }
        long version = note(notes, FORMAT_VERSION).filter(n -> n.size() >= 8).map(n -> Bytes.u64(n.descriptor(), 0, order)).orElse(1L);
        if (version >>> 32 != 0) {
            throw new UnsupportedDumpException(file, section.offset(), "xl dump-core format version " + (version >>> 32) + "."
                    + (version & 0xffffffffL) + " (vmscope reads the 0.x formats)");
        }
        Optional<ElfNote> xen = note(notes, XEN_VERSION).filter(n -> n.size() >= VERSION_SIZE);
        long pageSize = Bytes.u64(h, 24, order);
        int width = xen.map(n -> guestWidth(n.descriptor(), pageSize, order)).orElse(8);
        return new XcCoreHeader(magic == MAGIC_HVM, Bytes.u64(h, 8, order), Bytes.u64(h, 16, order), pageSize, version, width,
                xen.map(n -> version(n.descriptor(), order)), xen.map(n -> Bytes.cString(n.descriptor(), 176, 1024)));
    }

    private static Optional<ElfNote> note(List<ElfNote> notes, long type) {
        return notes.stream().filter(n -> n.is(NoteTypes.XEN, type)).findFirst();
    }

    /** xc_core moves {@code pagesize} 4 bytes down for a 32-bit guest, leaving zeros where it was. */
    private static int guestWidth(byte[] d, long pageSize, ByteOrder order) {
        return Bytes.u64(d, PAGESIZE_AT, order) == 0 && Bytes.u64(d, PAGESIZE_AT - 4, order) == pageSize ? 4 : 8;
    }

    private static String version(byte[] d, ByteOrder order) {
        return Bytes.u64(d, 0, order) + "." + Bytes.u64(d, 8, order) + Bytes.cString(d, 16, 16);
    }
}
