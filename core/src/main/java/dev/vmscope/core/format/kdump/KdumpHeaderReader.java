package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;

/**
 * Reads the two headers of a compressed kdump. The main header exists in a 64-bit layout (fields from
 * offset 424) and a 32-bit one (from 412); the 32-bit sub-header exists packed (i386, and QEMU's
 * writer on every 32-bit guest) and with ARM EABI alignment. The right variant is the one whose
 * fields make sense for the file; everything is checked before use.
 */
final class KdumpHeaderReader {
    static final int UTS_LENGTH = 65;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private KdumpHeaderReader() {
    }

    static KdumpHeader readHeader(Storage s) {
        if (!s.contains(0, 464)) {
            throw new DumpFormatException(s.name(), s.size(), "compressed kdump header (disk_dump_header)",
                    "at least 464 bytes, the file ends first");
        }
        byte[] h = s.read(0, 464);
        KdumpHeader wide = decode(h, true);
        KdumpHeader narrow = decode(h, false);
        KdumpHeader chosen = plausible(wide) ? wide : plausible(narrow) ? narrow : null;
        if (chosen == null) {
            throw new DumpFormatException(s.name(), 428, "compressed kdump header: block_size",
                    "a power of two between 0x200 and 0x100000 at offset 0x1ac (64-bit header) or 0x1a0 (32-bit header), found "
                            + Hex.of(wide.blockSize()) + " / " + Hex.of(narrow.blockSize()));
        }
        return chosen;
    }

    private static boolean plausible(KdumpHeader h) {
        int b = h.blockSize();
        return b >= 512 && b <= (1 << 20) && Integer.bitCount(b) == 1 && h.subHeaderBlocks() >= 0
                && h.subHeaderBlocks() < 1 << 16 && h.nrCpus() >= 0 && h.nrCpus() < 1 << 20;
    }

    private static KdumpHeader decode(byte[] h, boolean wide) {
        int at = wide ? 424 : 412;
        return new KdumpHeader(Bytes.cString(h, 0, 8), (int) Bytes.u32(h, 8, LE),
                uts(h, 0), uts(h, 1), uts(h, 2), uts(h, 3), uts(h, 5),
                wide ? Bytes.u64(h, 408, LE) : Bytes.u32(h, 404, LE), wide,
                Bytes.u32(h, at, LE), (int) Bytes.u32(h, at + 4, LE), (int) Bytes.u32(h, at + 8, LE),
                Bytes.u32(h, at + 12, LE), Bytes.u32(h, at + 16, LE), Bytes.u32(h, at + 20, LE),
                Bytes.u32(h, at + 24, LE), Bytes.u32(h, at + 28, LE), Bytes.u32(h, at + 32, LE),
                (int) Bytes.u32(h, at + 36, LE));
    }

    private static String uts(byte[] h, int field) {
        return Bytes.cString(h, 12 + field * UTS_LENGTH, UTS_LENGTH);
    }

    static KdumpSubHeader readSubHeader(Storage s, KdumpHeader h) {
        long at = h.blockSize();
        int need = 104;
        if (!s.contains(at, need)) {
            throw new DumpFormatException(s.name(), at, "compressed kdump sub-header (kdump_sub_header)",
                    need + " bytes at block 1, the file ends first");
        }
        byte[] b = s.read(at, need);
        if (h.wide()) {
            return new KdumpSubHeader(Bytes.u64(b, 0, LE), (int) Bytes.u32(b, 8, LE), (int) Bytes.u32(b, 12, LE),
                    Bytes.u64(b, 16, LE), Bytes.u64(b, 24, LE), Bytes.u64(b, 32, LE), Bytes.u64(b, 40, LE),
                    Bytes.u64(b, 48, LE), Bytes.u64(b, 56, LE), Bytes.u64(b, 64, LE), Bytes.u64(b, 72, LE),
                    Bytes.u64(b, 80, LE), Bytes.u64(b, 88, LE), Bytes.u64(b, 96, LE), "64-bit");
        }
        KdumpSubHeader packed = narrow(b, 20, 28, 32, 40, 44, 52, 56, "32-bit packed");
        KdumpSubHeader aligned = narrow(b, 24, 32, 40, 48, 56, 64, 72, "32-bit aligned");
        return consistent(packed, s, h) || !consistent(aligned, s, h) ? packed : aligned;
    }

    private static KdumpSubHeader narrow(byte[] b, int vmcoreinfo, int vmcoreinfoSize, int note, int noteSize,
                                         int erase, int eraseSize, int pfn64, String packing) {
        return new KdumpSubHeader(Bytes.u32(b, 0, LE), (int) Bytes.u32(b, 4, LE), (int) Bytes.u32(b, 8, LE),
                Bytes.u32(b, 12, LE), Bytes.u32(b, 16, LE), Bytes.u64(b, vmcoreinfo, LE), Bytes.u32(b, vmcoreinfoSize, LE),
                Bytes.u64(b, note, LE), Bytes.u32(b, noteSize, LE), Bytes.u64(b, erase, LE), Bytes.u32(b, eraseSize, LE),
                Bytes.u64(b, pfn64, LE), Bytes.u64(b, pfn64 + 8, LE), Bytes.u64(b, pfn64 + 16, LE), packing);
    }

    /** Whether the sub-header's own blobs lie inside the sub-header blocks' neighbourhood of the file. */
    private static boolean consistent(KdumpSubHeader sub, Storage s, KdumpHeader h) {
        long subEnd = (long) h.blockSize() * (1 + h.subHeaderBlocks());
        return inside(sub.offsetVmcoreinfo(), sub.sizeVmcoreinfo(), h.blockSize(), subEnd, s)
                && inside(sub.offsetNote(), sub.sizeNote(), h.blockSize(), subEnd, s)
                && (sub.maxMapnr64() == 0 || sub.maxMapnr64() == h.maxMapnr() || h.headerVersion() >= 6);
    }

    private static boolean inside(long offset, long size, long from, long to, Storage s) {
        if (offset == 0 && size == 0) {
            return true;
        }
        return offset >= from && size >= 0 && offset + size <= to && s.contains(offset, size);
    }
}
