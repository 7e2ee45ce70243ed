package dev.vmscope.core.format.lime;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.raw.PlainMemoryDump;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * LiME ("lime" output format of the Linux Memory Extractor, also written by AVML): physical memory as a
 * sequence of ranges, each a 32-byte little-endian header — magic {@code 0x4C694D45} ("EMiL" in the
 * file), version 1, start address, inclusive end address, 8 reserved bytes — followed by the range's
 * bytes. Claimed by the magic and version of its first header; every header is read at open (a few per
 * file), its range checked to lie in the file and not to overlap another.
 */
public final class LimeFormat implements DumpFormat {
    public static final long MAGIC = 0x4C694D45L;
    public static final int HEADER_SIZE = 32;
    /** Far more ranges than any machine's RAM map has; more is corruption, not a reason to allocate. */
    static final int MAX_RANGES = 1 << 16;

    @Override
    public String name() {
        return "LiME";
    }

    @Override
    public boolean claims(Storage s) {
        return s.contains(0, 8) && s.readUnsigned(0, 4, ByteOrder.LITTLE_ENDIAN) == MAGIC
                && s.readUnsigned(4, 4, ByteOrder.LITTLE_ENDIAN) == 1;
    }

    @Override
    public Dump open(Storage s) {
        List<LimeRange> ranges = ranges(s);
        List<SegmentedMemory.Segment> segments = new ArrayList<>();
        List<FormatField> fields = new ArrayList<>();
        fields.add(new FormatField("LiME", "version", "1"));
        fields.add(new FormatField("LiME", "ranges", Integer.toString(ranges.size())));
        for (LimeRange r : ranges) {
            segments.add(new SegmentedMemory.Segment(r.start(), r.size(), r.dataOffset(), r.size()));
            if (r.index() < 64) {
                fields.add(new FormatField("LiME ranges", "[" + r.index() + "]", Hex.of(r.start()) + "-" + Hex.of(r.end())
                        + " (header at " + Hex.of(r.headerOffset()) + ")"));
            }
        }
        return PlainMemoryDump.of(s, "lime", PlainMemoryDump.ASSUMED, true, segments, fields);
    }

    static List<LimeRange> ranges(Storage s) {
        List<LimeRange> out = new ArrayList<>();
        long at = 0;
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        while (at < s.size()) {
            int i = out.size();
            String what = "LiME range header " + i;
            if (i == MAX_RANGES) {
                throw new DumpFormatException(s.name(), at, what, "at most " + MAX_RANGES + " ranges, the file goes on");
            }
            if (!s.contains(at, HEADER_SIZE)) {
                throw new DumpFormatException(s.name(), at, what, HEADER_SIZE + " bytes, the file ends first");
            }
            byte[] h = s.read(at, HEADER_SIZE);
            long magic = Bytes.u32(h, 0, le);
            long version = Bytes.u32(h, 4, le);
            long start = Bytes.u64(h, 8, le);
            long end = Bytes.u64(h, 16, le);
            if (magic != MAGIC) {
                throw new DumpFormatException(s.name(), at, what + ": magic", "0x4c694d45 (\"EMiL\"), found " + Hex.of(magic));
            }
            if (version != 1) {
                throw new DumpFormatException(s.name(), at + 4, what + ": version", "1, found " + version);
            }
            if (Long.compareUnsigned(end, start) < 0 || end == -1L) {
                String expected = end == -1L ? "an inclusive end below 0xffffffffffffffff (memory ends below 2^64)"
                        : "an inclusive end at or above s_addr " + Hex.of(start);
                throw new DumpFormatException(s.name(), at + 16, what + ": e_addr", expected + ", found " + Hex.of(end));
            }
            LimeRange r = new LimeRange(i, at, start, end);
            if (!s.contains(r.dataOffset(), r.size())) {
                throw new DumpFormatException(s.name(), at + 8, what + ": s_addr/e_addr",
                        Hex.of(r.size()) + " bytes of the range " + Hex.of(start) + "-" + Hex.of(end) + " inside the file (size "
                                + Hex.of(s.size()) + "), from offset " + Hex.of(r.dataOffset()));
            }
            out.add(r);
            at = r.dataOffset() + r.size();
        }
        checkDisjoint(s, out);
        return out;
    }

    private static void checkDisjoint(Storage s, List<LimeRange> ranges) {
        List<LimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            LimeRange o = sorted.get(i - 1);
            LimeRange r = sorted.get(i);
            if (Long.compareUnsigned(r.start(), o.end()) <= 0) {
                LimeRange later = r.index() > o.index() ? r : o;
                LimeRange earlier = later == r ? o : r;
                throw new DumpFormatException(s.name(), later.headerOffset() + 8, "LiME range header " + later.index() + ": s_addr/e_addr",
                        "a range that does not overlap range " + earlier.index() + " (" + Hex.of(earlier.start()) + "-"
                                + Hex.of(earlier.end()) + "), found " + Hex.of(later.start()) + "-" + Hex.of(later.end()));
            }
        }
    }
}
