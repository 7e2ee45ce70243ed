package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads the two headers of a compressed kdump. The main header exists in a 64-bit layout (fields from
 * offset 424) and a 32-bit one (from 412): the layout chosen is the one whose block size, sub-header
 * and bitmap sizes describe this file; when both do, the machine name decides. The sub-header's layout
 * ({@link SubHeaderLayout}) is chosen apart from the header's, because a 32-bit writer with a 64-bit
 * {@code time_t} pairs the 64-bit header with a 32-bit sub-header: the first layout whose VMCOREINFO,
 * note and max_mapnr fields agree with the file wins.
 */
final class KdumpHeaderReader {
    static final int UTS_LENGTH = 65;
    /** Header versions above this are not a makedumpfile, QEMU or diskdump header (6 is the newest). */
    static final int MAX_HEADER_VERSION = 64;
    private static final int HEADER_BYTES = 464;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private KdumpHeaderReader() {
    }

    static KdumpHeader readHeader(Storage s) {
        if (!s.contains(0, HEADER_BYTES)) {
            throw new DumpFormatException(s.name(), s.size(), "compressed kdump header (disk_dump_header)",
                    HEADER_BYTES + " bytes, the file ends first");
        }
        byte[] h = s.read(0, HEADER_BYTES);
        long version = Bytes.u32(h, 8, LE);
        if (version > MAX_HEADER_VERSION) {
            throw new DumpFormatException(s.name(), 8, "compressed kdump header: header_version",
                    "a version between 0 and " + MAX_HEADER_VERSION + ", found " + version);
        }
        KdumpHeader wide = decode(h, true);
        KdumpHeader narrow = decode(h, false);
        boolean wideFits = plausible(wide, s);
        boolean narrowFits = plausible(narrow, s);
        if (wideFits && narrowFits) {
            return machineIs32Bit(wide.machine()) ? narrow : wide;
        }
        if (wideFits || narrowFits) {
            return wideFits ? wide : narrow;
        }
        KdumpHeader blame = powerOfTwoBlock(narrow) && !powerOfTwoBlock(wide) ? narrow : wide;
        int at = blame.fieldsOffset();
        if (!powerOfTwoBlock(blame)) {
            throw new DumpFormatException(s.name(), at + 4, "compressed kdump header: block_size",
                    "a power of two between 0x200 and 0x100000 at offset 0x1ac (64-bit header) or 0x1a0 (32-bit header), found "
                            + Hex.of(wide.blockSize() & 0xffffffffL) + " / " + Hex.of(narrow.blockSize() & 0xffffffffL));
        }
        throw new DumpFormatException(s.name(), at + 8, "compressed kdump header: sub_hdr_size/bitmap_blocks",
                "a sub-header and at least one bitmap block inside the file (size " + Hex.of(s.size()) + "), found "
                        + (blame.subHeaderBlocks() & 0xffffffffL) + " sub-header and " + blame.bitmapBlocks()
                        + " bitmap blocks of " + Hex.of(blame.blockSize()));
    }

    private static boolean powerOfTwoBlock(KdumpHeader h) {
        int b = h.blockSize();
        return b >= 512 && b <= (1 << 20) && Integer.bitCount(b) == 1;
    }

    private static boolean plausible(KdumpHeader h, Storage s) {
        if (!powerOfTwoBlock(h) || h.subHeaderBlocks() < 0 || h.bitmapBlocks() == 0 || h.nrCpus() < 0) {
            return false;
        }
        long end = ((long) h.subHeaderBlocks() + 1 + h.bitmapBlocks()) * h.blockSize();
        return s.contains(0, end);
    }

    private static boolean machineIs32Bit(String machine) {
        return machine.matches("i[3-6]86|arm.*") && !machine.equals("arm64");
    }

    private static KdumpHeader decode(byte[] h, boolean wide) {
        int at = wide ? 424 : 412;
        return new KdumpHeader(Bytes.cString(h, 0, 8), (int) Bytes.u32(h, 8, LE),
                uts(h, 0), uts(h, 1), uts(h, 2), uts(h, 3), uts(h, 4), uts(h, 5),
                wide ? Bytes.u64(h, 408, LE) : Bytes.u32(h, 404, LE), wide,
                Bytes.u32(h, at, LE), (int) Bytes.u32(h, at + 4, LE), (int) Bytes.u32(h, at + 8, LE),
                Bytes.u32(h, at + 12, LE), Bytes.u32(h, at + 16, LE), Bytes.u32(h, at + 20, LE),
                Bytes.u32(h, at + 24, LE), Bytes.u32(h, at + 28, LE), Bytes.u32(h, at + 32, LE),
                (int) Bytes.u32(h, at + 36, LE));
    }

    private static String uts(byte[] h, int field) {
        return Bytes.cString(h, 12 + field * UTS_LENGTH, UTS_LENGTH);
    }

    /**
     * The sub-header in block 1, or empty for the diskdump layout (whose block 1 is architecture-specific)
     * and for version 0 headers other than {@code phys_base}.
     */
    static KdumpSubHeader readSubHeader(Storage s, KdumpHeader h) {
        long at = h.blockSize();
        List<SubHeaderLayout> order = h.wide()
                ? List.of(SubHeaderLayout.WIDE, SubHeaderLayout.ALIGNED, SubHeaderLayout.PACKED)
                : List.of(SubHeaderLayout.PACKED, SubHeaderLayout.ALIGNED, SubHeaderLayout.WIDE);
        int need = order.getFirst().size();
        if (!s.contains(at, need)) {
            throw new DumpFormatException(s.name(), at, "compressed kdump sub-header (kdump_sub_header)",
                    need + " bytes at block 1, the file ends first");
        }
        byte[] b = new byte[SubHeaderLayout.WIDE.size()];
        s.read(at, b, 0, (int) Math.min(b.length, s.size() - at));
        for (SubHeaderLayout layout : order) {
            if (s.contains(at, layout.size())) {
                KdumpSubHeader sub = layout.decode(b, h.headerVersion()).gated();
                if (consistent(sub, s, h)) {
                    return sub;
                }
            }
        }
        return order.getFirst().decode(b, h.headerVersion()).gated();
    }

    /** Whether the sub-header's own blobs lie in the sub-header blocks and its 64-bit max_mapnr agrees with the header's. */
    private static boolean consistent(KdumpSubHeader sub, Storage s, KdumpHeader h) {
        long subEnd = (long) h.blockSize() * (1 + h.subHeaderBlocks());
        boolean mapnr = !sub.has(KdumpSubHeader.Since.PFN64) || sub.maxMapnr64() == 0
                || sub.maxMapnr64() == h.maxMapnr() || (h.maxMapnr() == 0xffffffffL && sub.maxMapnr64() > h.maxMapnr());
        boolean split = !sub.has(KdumpSubHeader.Since.SPLIT) || sub.split() == 0 || sub.split() == 1;
        return inside(sub.offsetVmcoreinfo(), sub.sizeVmcoreinfo(), h.blockSize(), subEnd, s)
                && inside(sub.offsetNote(), sub.sizeNote(), h.blockSize(), subEnd, s)
                && inside(sub.offsetEraseinfo(), sub.sizeEraseinfo(), h.blockSize(), Long.MAX_VALUE, s)
                && mapnr && split && sub.dumpLevel() >= 0 && sub.dumpLevel() < 256;
    }

    private static boolean inside(long offset, long size, long from, long to, Storage s) {
        if (size == 0) {
            return true;
        }
        return offset >= from && size > 0 && offset <= to - size && s.contains(offset, size);
    }
}
