package dev.vmscope.core.format.kdump;

/**
 * makedumpfile's {@code kdump_sub_header}; fields a header version lacks are 0. Offsets are file offsets.
 *
 * @param packing which structure layout was found: {@code 64-bit}, {@code 32-bit packed} (i386, QEMU) or
 *                {@code 32-bit aligned} (ARM EABI aligns 64-bit fields to 8 bytes)
 */
public record KdumpSubHeader(long physBase, int dumpLevel, int split, long startPfn, long endPfn,
                             long offsetVmcoreinfo, long sizeVmcoreinfo, long offsetNote, long sizeNote,
                             long offsetEraseinfo, long sizeEraseinfo, long startPfn64, long endPfn64,
                             long maxMapnr64, String packing) {
}
