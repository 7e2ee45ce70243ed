package dev.vmscope.core.format.kdump;

/**
 * makedumpfile's {@code kdump_sub_header}. Offsets are file offsets. A field that the header version
 * does not have is 0 here and {@link #has} says so; for versions before 6 the 64-bit pfn fields carry
 * the 32-bit {@code start_pfn}/{@code end_pfn} (as readers of those versions use them).
 *
 * @param version the {@code header_version} of the main header
 * @param packing which structure layout was found: {@code 64-bit}, {@code 32-bit packed} (i386, QEMU) or
 *                {@code 32-bit aligned} (ARM EABI aligns 64-bit fields to 8 bytes)
 */
public record KdumpSubHeader(int version, long physBase, int dumpLevel, int split, long startPfn, long endPfn,
                             long offsetVmcoreinfo, long sizeVmcoreinfo, long offsetNote, long sizeNote,
                             long offsetEraseinfo, long sizeEraseinfo, long startPfn64, long endPfn64,
                             long maxMapnr64, String packing) {

    /** The header version from which a group of fields exists. */
    public enum Since {
        DUMP_LEVEL(1), SPLIT(2), VMCOREINFO(3), NOTES(4), ERASEINFO(5), PFN64(6);

        private final int version;

        Since(int version) {
            this.version = version;
        }

        public int version() {
            return version;
        }
    }

    public boolean has(Since field) {
        return version >= field.version();
    }

    /** Whether this file is one part of a {@code makedumpfile --split} set. */
    public boolean isSplitPart() {
        return has(Since.SPLIT) && split != 0;
    }

    /** The copy with every field that {@link #version} lacks set to 0 (and the pfn range widened from the 32-bit fields). */
    KdumpSubHeader gated() {
        boolean v1 = has(Since.DUMP_LEVEL);
        boolean v2 = has(Since.SPLIT);
        boolean v3 = has(Since.VMCOREINFO);
        boolean v4 = has(Since.NOTES);
        boolean v5 = has(Since.ERASEINFO);
        boolean v6 = has(Since.PFN64);
        long s32 = v2 ? startPfn : 0;
        long e32 = v2 ? endPfn : 0;
        return new KdumpSubHeader(version, physBase, v1 ? dumpLevel : 0, v2 ? split : 0, s32, e32,
                v3 ? offsetVmcoreinfo : 0, v3 ? sizeVmcoreinfo : 0, v4 ? offsetNote : 0, v4 ? sizeNote : 0,
                v5 ? offsetEraseinfo : 0, v5 ? sizeEraseinfo : 0, v6 ? startPfn64 : s32, v6 ? endPfn64 : e32,
                v6 ? maxMapnr64 : 0, packing);
    }
}
