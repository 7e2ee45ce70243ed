package dev.vmscope.core.format.raw;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Storage;

import java.util.List;

/**
 * A raw image of physical memory, as crash reads {@code FILE@ADDR}: the file's bytes are physical
 * memory from {@code base} on. A raw image has no header to recognise, so it is never probed; it is
 * opened only when asked for.
 */
public final class RawImage {
    private RawImage() {
    }

    public static Dump open(Storage s, long base) {
        return open(s, base, PlainMemoryDump.ASSUMED, true);
    }

    public static Dump open(Storage s, long base, Architecture arch) {
        return open(s, base, arch, false);
    }

    private static Dump open(Storage s, long base, Architecture arch, boolean assumed) {
        long size = s.size();
        if (size == Long.MAX_VALUE) {
            throw new DumpFormatException(s.name(), 0, "raw image", "a file whose size is known (a device of unknown size cannot be an image)");
        }
        if (size > 0 && Long.compareUnsigned(base + size - 1, base) < 0) {
            throw new DumpFormatException(s.name(), 0, "raw image at " + Hex.of(base),
                    "an image that ends below 2^64, found " + Hex.of(size) + " bytes");
        }
        return PlainMemoryDump.of(s, "raw", arch, assumed, List.of(new SegmentedMemory.Segment(base, size, 0, size)),
                List.of(new FormatField("raw image", "physical base", Hex.of(base)),
                        new FormatField("raw image", "size", Hex.of(size))));
    }
}
