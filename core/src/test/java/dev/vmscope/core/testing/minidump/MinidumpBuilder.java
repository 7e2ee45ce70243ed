package dev.vmscope.core.testing.minidump;

import dev.vmscope.core.io.ByteArrayStorage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds FreeBSD minidumps for tests from the documented format (sys/&lt;arch&gt;/include/minidump.h and
 * minidump_machdep.c), independently of vmscope's reader: a header page, the message buffer, dump_avail
 * (from the versions that have it), the bitmap of dumped pages, the page-table array, then the pages in
 * bitmap order, each area rounded up to whole pages. Header fields are written at the offsets of each
 * architecture's {@code struct minidumphdr}; any field can be overwritten to build a hostile header.
 */
public final class MinidumpBuilder {
    private final String arch;
    private final int version;
    private final int pageSize;
    private final Map<Integer, long[]> fields = new LinkedHashMap<>();
    private final List<long[]> dumpAvail = new ArrayList<>();
    private final TreeMap<Long, byte[]> pages = new TreeMap<>(Long::compareUnsigned);
    private final List<Long> array = new ArrayList<>();
    private int entrySize;
    private int dumpAvailWord;
    private byte[] msgbuf = new byte[0];
    private Long bitmapSize;
    private Long arraySize;
    private Long dumpAvailSize;
    private long truncateBy;

    private MinidumpBuilder(String arch, int version, int pageSize, int entrySize, int dumpAvailWord) {
        this.arch = arch;
        this.version = version;
        this.pageSize = pageSize;
        this.entrySize = entrySize;
        this.dumpAvailWord = dumpAvailWord;
    }

    /** amd64: versions 1 (PTEs) to 3 (PDEs and dump_avail); kernbase at 40, dmapbase 48, dmapend 56, dumpavailsize 64. */
    public static MinidumpBuilder amd64(int version) {
        return new MinidumpBuilder("amd64", version, 4096, 8, 8);
    }

    /** i386: versions 1 and 2 (dump_avail); kernbase at 40, paemode 44, dumpavailsize 48; PTEs 4 or 8 bytes. */
    public static MinidumpBuilder i386(int version, boolean pae) {
        return new MinidumpBuilder("i386", version, 4096, pae ? 8 : 4, 8).field(44, 4, pae ? 1 : 0);
    }

    /** arm: versions 1 and 2 (dump_avail of 32-bit addresses); kernbase at 40, arch 44, mmuformat 48, dumpavailsize 52. */
    public static MinidumpBuilder arm(int version, int mmuFormat) {
        return new MinidumpBuilder("arm", version, 4096, mmuFormat == 3 ? 8 : 4, 4).field(44, 4, 7).field(48, 4, mmuFormat);
    }

    /** arm64: versions 1 to 3; kernbase at 40, dmapphys 48, dmapbase 56, dmapend 64, dumpavailsize 72, flags 76. */
    public static MinidumpBuilder arm64(int version, int pageSize) {
        MinidumpBuilder b = new MinidumpBuilder("arm64", version, pageSize, 8, 8);
        return version >= 3 ? b.field(76, 4, pageSize == 16384 ? 1 : 0) : b;
    }

    private boolean wide() {
        return arch.equals("amd64") || arch.equals("arm64");
    }

    private boolean hasDumpAvail() {
        return switch (arch) {
            case "amd64" -> version >= 3;
            case "arm64", "i386", "arm" -> version >= 2;
            default -> false;
        };
    }

    private int dumpAvailSizeOffset() {
        return switch (arch) {
            case "amd64" -> 64;
            case "i386" -> 48;
            case "arm" -> 52;
            default -> 72;
        };
    }

    /** Writes a header field of {@code width} bytes at {@code offset}, overwriting what the builder computes. */
    public MinidumpBuilder field(int offset, int width, long value) {
        fields.put(offset, new long[] {width, value});
        return this;
    }

    public MinidumpBuilder kernbase(long kernbase) {
        return field(40, wide() ? 8 : 4, kernbase);
    }

    /** amd64: dmapbase and dmapend; arm64 also takes the physical address the direct map starts at. */
    public MinidumpBuilder directMap(long base, long end, long physical) {
        if (arch.equals("amd64")) {
            return field(48, 8, base).field(56, 8, end);
        }
        return field(48, 8, physical).field(56, 8, base).field(64, 8, end);
    }

    public MinidumpBuilder messages(String text) {
        this.msgbuf = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A dump_avail range {@code [start, end)}. */
    public MinidumpBuilder avail(long start, long end) {
        dumpAvail.add(new long[] {start, end});
        return this;
    }

    /** The page-table array, entry by entry from kernbase. */
    public MinidumpBuilder entries(long... values) {
        for (long v : values) {
            array.add(v);
        }
        return this;
    }

    /** A dumped physical page, filled with {@code content} repeated. */
    public MinidumpBuilder page(long pa, String content) {
        byte[] page = new byte[pageSize];
        byte[] text = content.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < pageSize; i++) {
            page[i] = text[i % text.length];
        }
        pages.put(pa, page);
        return this;
    }

    /** A dumped physical page holding little-endian words of {@code width} bytes from offset 0. */
    public MinidumpBuilder pageOfWords(long pa, int width, long... words) {
        ByteBuffer b = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            if (width == 8) {
                b.putLong(w);
            } else {
                b.putInt((int) w);
            }
        }
        pages.put(pa, b.array());
        return this;
    }

    public MinidumpBuilder bitmapSize(long bytes) {
        this.bitmapSize = bytes;
        return this;
    }

    public MinidumpBuilder arraySize(long bytes) {
        this.arraySize = bytes;
        return this;
    }

    public MinidumpBuilder dumpAvailSize(long bytes) {
        this.dumpAvailSize = bytes;
        return this;
    }

    /** Leaves the last {@code bytes} of the file out, as a dump cut short. */
    public MinidumpBuilder truncate(long bytes) {
        this.truncateBy = bytes;
        return this;
    }

    /**
     * The bit of a physical page: with dump_avail, bits count the pages of the ranges one after the other
     * (a range from start / page size to end / page size rounded up); without, the page number.
     */
    public long bitOf(long pa) {
        if (!hasDumpAvail()) {
            return pa / pageSize;
        }
        long adjust = 0;
        for (long[] r : dumpAvail) {
            long first = r[0] / pageSize;
            long end = (r[1] + pageSize - 1) / pageSize;
            if (pa / pageSize >= first && pa / pageSize < end) {
                return adjust + pa / pageSize - first;
            }
            adjust += end - first;
        }
        throw new IllegalArgumentException("page " + Long.toHexString(pa) + " is in no dump_avail range");
    }

    private long round(long size) {
        return (size + pageSize - 1) / pageSize * pageSize;
    }

    public byte[] build() {
        TreeMap<Long, byte[]> byBit = new TreeMap<>();
        for (var p : pages.entrySet()) {
            byBit.put(bitOf(p.getKey()), p.getValue());
        }
        long highestBit = byBit.isEmpty() ? 0 : byBit.lastKey();
        byte[] bitmap = new byte[(int) ((highestBit / 64 + 1) * 8)];
        for (long bit : byBit.keySet()) {
            bitmap[(int) (bit / 8)] |= (byte) (1 << (bit % 8));
        }
        byte[] avail = new byte[0];
        if (hasDumpAvail()) {
            ByteBuffer b = ByteBuffer.allocate((dumpAvail.size() + 1) * 2 * dumpAvailWord).order(ByteOrder.LITTLE_ENDIAN);
            for (long[] r : dumpAvail) {
                for (long v : r) {
                    if (dumpAvailWord == 8) {
                        b.putLong(v);
                    } else {
                        b.putInt((int) v);
                    }
                }
            }
            avail = b.array();
        }
        ByteBuffer entries = ByteBuffer.allocate(array.size() * entrySize).order(ByteOrder.LITTLE_ENDIAN);
        for (long e : array) {
            if (entrySize == 8) {
                entries.putLong(e);
            } else {
                entries.putInt((int) e);
            }
        }
        ByteBuffer header = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
        header.put(("minidump FreeBSD/" + arch).getBytes(StandardCharsets.ISO_8859_1));
        header.putInt(24, version);
        header.putInt(28, msgbuf.length);
        header.putInt(32, (int) (bitmapSize != null ? bitmapSize : bitmap.length));
        header.putInt(36, (int) (arraySize != null ? arraySize : entries.capacity()));
        if (hasDumpAvail()) {
            header.putInt(dumpAvailSizeOffset(), (int) (dumpAvailSize != null ? dumpAvailSize : round(avail.length)));
        }
        for (var f : fields.entrySet()) {
            long[] wv = f.getValue();
            if (wv[0] == 8) {
                header.putLong(f.getKey(), wv[1]);
            } else {
                header.putInt(f.getKey(), (int) wv[1]);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        writePadded(out, msgbuf);
        if (hasDumpAvail()) {
            writePadded(out, avail);
        }
        writePadded(out, bitmap);
        writePadded(out, entries.array());
        for (byte[] page : byBit.values()) {
            out.writeBytes(page);
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, (int) (all.length - truncateBy));
    }

    private void writePadded(ByteArrayOutputStream out, byte[] data) {
        out.writeBytes(data);
        out.writeBytes(new byte[(int) (round(data.length) - data.length)]);
    }

    public ByteArrayStorage storage() {
        return new ByteArrayStorage("vmcore." + arch + ".v" + version, build());
    }

    /** Where the areas start: header page, then each area rounded up to whole pages. */
    public long arrayOffset() {
        long at = pageSize + round(msgbuf.length);
        if (hasDumpAvail()) {
            at += round((dumpAvail.size() + 1L) * 2 * dumpAvailWord);
        }
        long highestBit = pages.isEmpty() ? 0 : pages.keySet().stream().mapToLong(this::bitOf).max().orElse(0);
        return at + round((highestBit / 64 + 1) * 8);
    }
}
