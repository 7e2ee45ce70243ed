package dev.vmscope.core.xen;

import dev.vmscope.core.io.Bytes;

import java.nio.ByteOrder;

/**
 * Writes x86-64 4-level page tables into a {@link MachineImage}: {@link #map} fills the entries from
 * the root down, taking new table frames from {@code nextTable} on as needed. Entries hold the frame
 * numbers they are given, as a PV guest's entries hold machine frames.
 */
final class X86Tables {
    static final long PRESENT_RW = 0x3;
    static final long LEAF = 0x63;

    private final MachineImage image;
    private final long root;
    private long nextTable;

    /**
     * @param root      the PML4's address
     * @param nextTable where the next new table goes
     */
    X86Tables(MachineImage image, long root, long nextTable) {
        this.image = image;
        this.root = root;
        this.nextTable = nextTable;
        image.put(root, new byte[4096]);
    }

    /** Maps the 4 KiB page at {@code va} to {@code frame} (an address). */
    X86Tables map(long va, long frame) {
        long table = root;
        for (int shift = 39; shift >= 21; shift -= 9) {
            long entryAt = table + ((va >>> shift) & 511) * 8;
            long entry = Bytes.u64(image.read(entryAt, 8), 0, ByteOrder.LITTLE_ENDIAN);
            if ((entry & 1) == 0) {
                long t = nextTable;
                nextTable += 4096;
                image.put(t, new byte[4096]);
                entry = t | PRESENT_RW;
                image.putLong(entryAt, entry);
            }
            table = entry & 0x000ffffffffff000L;
        }
        image.putLong(table + ((va >>> 12) & 511) * 8, (frame & ~0xfffL) | LEAF);
        return this;
    }
}
