package dev.vmscope.core.format.kdump;

/**
 * makedumpfile's {@code disk_dump_header} (block 0 of a compressed kdump).
 *
 * @param wide       whether the header was written by a 64-bit tool (timestamp and alignment differ)
 * @param status     dump-wide flags: compression kind, incomplete
 * @param blockSize  the dump's page unit in bytes (may differ from the kernel's page size)
 */
public record KdumpHeader(String signature, int headerVersion, String sysname, String nodename, String release, String version,
                          String machine, String domainname, long timestampSeconds, boolean wide, long status,
                          int blockSize, int subHeaderBlocks, long bitmapBlocks, long maxMapnr, long totalRamBlocks,
                          long deviceBlocks, long writtenBlocks, long currentCpu, int nrCpus) {

    public static final int COMPRESSED_ZLIB = 0x1;
    public static final int COMPRESSED_LZO = 0x2;
    public static final int COMPRESSED_SNAPPY = 0x4;
    public static final int INCOMPLETE = 0x8;
    public static final int EXCLUDED_VMEMMAP = 0x10;
    public static final int COMPRESSED_ZSTD = 0x20;

    /** Whether this is the older diskdump layout ({@code "DISKDUMP"}): no kdump sub-header, an architecture-specific block instead. */
    public boolean diskdump() {
        return signature.equals("DISKDUMP");
    }

    /** Offset of the status field, where the fixed-size fields begin: 424 in the 64-bit layout, 412 in the 32-bit one. */
    public int fieldsOffset() {
        return wide ? 424 : 412;
    }

    /** diskdump's status values (not flags): complete, incomplete, compressed. */
    public static final int DISKDUMP_INCOMPLETE = 1;
    public static final int DISKDUMP_COMPRESSED = 8;

    public boolean incomplete() {
        return diskdump() ? status == DISKDUMP_INCOMPLETE : (status & INCOMPLETE) != 0;
    }

    /** The compression the header announces: {@code zlib}, {@code lzo}, {@code snappy}, {@code zstd} or {@code none}. */
    public String compression() {
        if (diskdump()) {
            return status == DISKDUMP_COMPRESSED ? "zlib" : "none";
        }
        if ((status & COMPRESSED_ZLIB) != 0) {
            return "zlib";
        }
        if ((status & COMPRESSED_LZO) != 0) {
            return "lzo";
        }
        if ((status & COMPRESSED_SNAPPY) != 0) {
            return "snappy";
        }
        if ((status & COMPRESSED_ZSTD) != 0) {
            return "zstd";
        }
        return "none";
    }
}
