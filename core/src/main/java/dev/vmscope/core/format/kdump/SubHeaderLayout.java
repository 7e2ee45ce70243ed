package dev.vmscope.core.format.kdump;

import dev.vmscope.core.io.Bytes;

import java.nio.ByteOrder;

/**
 * The three ways {@code kdump_sub_header} is laid out in files: by a 64-bit writer; by a 32-bit writer
 * whose ABI packs 64-bit fields on 4 bytes (i386, and QEMU for every 32-bit guest); and by one that
 * aligns them on 8 (ARM EABI). Each constant knows the offset of every field inside block 1.
 */
enum SubHeaderLayout {
    WIDE("64-bit", 8, 8, 12, 16, 24, 32, 40, 48, 56, 64, 72, 80, 104),
    PACKED("32-bit packed", 4, 4, 8, 12, 16, 20, 28, 32, 40, 44, 52, 56, 80),
    ALIGNED("32-bit aligned", 4, 4, 8, 12, 16, 24, 32, 40, 48, 56, 64, 72, 96);

    private final String id;
    private final int word;
    final int dumpLevel;
    final int split;
    final int startPfn;
    final int endPfn;
    final int offsetVmcoreinfo;
    final int sizeVmcoreinfo;
    final int offsetNote;
    final int sizeNote;
    final int offsetEraseinfo;
    final int sizeEraseinfo;
    final int pfn64;
    final int size;

    SubHeaderLayout(String id, int word, int dumpLevel, int split, int startPfn, int endPfn, int offsetVmcoreinfo,
                    int sizeVmcoreinfo, int offsetNote, int sizeNote, int offsetEraseinfo, int sizeEraseinfo,
                    int pfn64, int size) {
        this.id = id;
        this.word = word;
        this.dumpLevel = dumpLevel;
        this.split = split;
        this.startPfn = startPfn;
        this.endPfn = endPfn;
        this.offsetVmcoreinfo = offsetVmcoreinfo;
        this.sizeVmcoreinfo = sizeVmcoreinfo;
        this.offsetNote = offsetNote;
        this.sizeNote = sizeNote;
        this.offsetEraseinfo = offsetEraseinfo;
        this.sizeEraseinfo = sizeEraseinfo;
        this.pfn64 = pfn64;
        this.size = size;
    }

    String id() {
        return id;
    }

    /** The layout a sub-header was read with. */
    static SubHeaderLayout of(KdumpSubHeader sub) {
        for (SubHeaderLayout l : values()) {
            if (l.id.equals(sub.packing())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown sub-header packing " + sub.packing());
    }

    /** Bytes of block 1 this layout occupies. */
    int size() {
        return size;
    }

    /** The sub-header as this layout reads {@code b} (at least {@link #size()} bytes), fields of later versions included. */
    KdumpSubHeader decode(byte[] b, int version) {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        return new KdumpSubHeader(version, word(b, 0), (int) Bytes.u32(b, dumpLevel, le), (int) Bytes.u32(b, split, le),
                word(b, startPfn), word(b, endPfn), Bytes.u64(b, offsetVmcoreinfo, le), word(b, sizeVmcoreinfo),
                Bytes.u64(b, offsetNote, le), word(b, sizeNote), Bytes.u64(b, offsetEraseinfo, le), word(b, sizeEraseinfo),
                Bytes.u64(b, pfn64, le), Bytes.u64(b, pfn64 + 8, le), Bytes.u64(b, pfn64 + 16, le), id);
    }

    private long word(byte[] b, int at) {
        return Bytes.unsigned(b, at, word, ByteOrder.LITTLE_ENDIAN);
    }
}
