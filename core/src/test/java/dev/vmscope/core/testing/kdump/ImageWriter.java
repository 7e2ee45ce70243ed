package dev.vmscope.core.testing.kdump;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the RAM of a {@link KdumpSpec} (its RAM and ZERO pages; excluded and unwritten pages read
 * as zeros, as they would in memory taken whole) as a LiME file — one 32-byte header per contiguous
 * range: magic {@code 0x4C694D45}, version 1, start, inclusive end, 8 reserved bytes — or as a raw
 * image from the lowest page up, holes written as zeros.
 */
public final class ImageWriter {
    public static final long LIME_MAGIC = 0x4C694D45L;

    private ImageWriter() {
    }

    /** Runs of present pfns {@code [from, to)}. */
    public static List<long[]> ranges(KdumpSpec spec) {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, PageRun> e : spec.runAt().entrySet()) {
            if (e.getValue().kind() == PageKind.HOLE) {
                continue;
            }
            long pfn = e.getKey();
            if (!out.isEmpty() && out.getLast()[1] == pfn) {
                out.getLast()[1] = pfn + 1;
            } else {
                out.add(new long[] {pfn, pfn + 1});
            }
        }
        return out;
    }

    /** The bytes memory holds at a present pfn. */
    public static byte[] memory(KdumpSpec spec, long pfn) {
        PageKind k = spec.runAt().get(pfn).kind();
        return k == PageKind.RAM ? spec.pageBytes(pfn) : new byte[spec.header().blockSize()];
    }

    public static byte[] lime(KdumpSpec spec) {
        int block = spec.header().blockSize();
        ByteBuilder b = new ByteBuilder();
        long at = 0;
        for (long[] r : ranges(spec)) {
            b.u32(at, LIME_MAGIC).u32(at + 4, 1).u64(at + 8, r[0] * block).u64(at + 16, r[1] * block - 1).u64(at + 24, 0);
            at += 32;
            for (long pfn = r[0]; pfn < r[1]; pfn++) {
                b.put(at, memory(spec, pfn));
                at += block;
            }
        }
        return b.bytes();
    }

    /** A raw image starting at the lowest present page ({@link #rawBase}). */
    public static byte[] raw(KdumpSpec spec) {
        int block = spec.header().blockSize();
        List<long[]> ranges = ranges(spec);
        long base = rawBase(spec);
        ByteBuilder b = new ByteBuilder();
        for (long[] r : ranges) {
            for (long pfn = r[0]; pfn < r[1]; pfn++) {
                b.put(pfn * block - base, memory(spec, pfn));
            }
        }
        return b.bytes();
    }

    public static long rawBase(KdumpSpec spec) {
        List<long[]> ranges = ranges(spec);
        return ranges.isEmpty() ? 0 : ranges.getFirst()[0] * spec.header().blockSize();
    }
}
