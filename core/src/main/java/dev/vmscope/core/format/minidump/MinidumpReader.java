package dev.vmscope.core.format.minidump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a minidump's header page and the areas it sizes; every problem names the file, the
 * offset, the field and what was expected. Nothing is allocated before its size is checked against the
 * file and a cap.
 */
final class MinidumpReader {
    /** A larger message buffer than this is not a kernel's (FreeBSD's default is 96 KiB). */
    static final long MAX_MSGBUF = 64L << 20;
    /** 65536 ranges of 8-byte addresses; FreeBSD's dump_avail has a few dozen. */
    static final long MAX_DUMP_AVAIL = 1L << 20;
    /** One bit per page: 512 MiB of bitmap describes 16 TiB of 4 KiB pages. */
    static final long MAX_BITMAP = 512L << 20;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Storage s;

    MinidumpReader(Storage storage) {
        this.s = storage;
    }

    private DumpFormatException corrupt(long offset, String field, String expected) {
        return new DumpFormatException(s.name(), offset, "minidump header: " + field, expected);
    }

    MinidumpHeader header() {
        byte[] magic = s.read(0, MinidumpArch.MAGIC_LENGTH);
        int prefix = MinidumpArch.MAGIC_PREFIX.length();
        String name = Bytes.cString(magic, prefix, MinidumpArch.MAGIC_LENGTH - prefix);
        MinidumpArch arch = MinidumpArch.byName(name).orElseThrow(() -> new UnsupportedDumpException(s.name(), prefix,
                "a FreeBSD/" + name + " minidump (vmscope reads amd64, i386, arm and arm64 minidumps)"));
        int headerBytes = arch.allFields().stream().mapToInt(f -> f.offset() + f.width()).max().orElseThrow();
        if (!s.contains(0, headerBytes)) {
            throw corrupt(0, "size", "a header of " + headerBytes + " bytes, found a file of " + s.size());
        }
        long version = s.readUnsigned(24, 4, LE);
        if (version == 0 || version > arch.maxVersion) {
            long swapped = Integer.toUnsignedLong(Integer.reverseBytes((int) version));
            if (swapped >= 1 && swapped <= arch.maxVersion) {
                throw new UnsupportedDumpException(s.name(), 24, "a big-endian FreeBSD/" + name + " minidump");
            }
            if (version > arch.maxVersion && version < 1000) {
                throw new UnsupportedDumpException(s.name(), 24, "FreeBSD/" + name + " minidump version " + version
                        + " (vmscope reads versions 1 to " + arch.maxVersion + ")");
            }
            throw corrupt(24, "version", "1 to " + arch.maxVersion + ", found " + version);
        }
        Map<String, Long> fields = new LinkedHashMap<>();
        for (MinidumpArch.Field f : arch.allFields()) {
            if (version >= f.since()) {
                fields.put(f.name(), s.readUnsigned(f.offset(), f.width(), LE));
            }
        }
        long pageSize = pageSize(arch, (int) version, fields);
        MinidumpHeader h = new MinidumpHeader(arch, (int) version, fields, pageSize);
        check(h);
        return h;
    }

    /** arm64 version 3 says 4 or 16 KiB in its flags; every other minidump has 4 KiB pages. */
    private long pageSize(MinidumpArch arch, int version, Map<String, Long> fields) {
        if (arch != MinidumpArch.ARM64 || version < 3) {
            return 4096;
        }
        long ps = fields.get("flags") & 3;
        if (ps == 2) {
            throw new UnsupportedDumpException(s.name(), 76, "an arm64 minidump of 64 KiB pages (flags "
                    + Hex.of(fields.get("flags")) + "), which FreeBSD does not write");
        }
        if (ps == 3) {
            throw corrupt(76, "flags", "page size 0 (4 KiB) or 1 (16 KiB) in bits 1:0, found " + Hex.of(fields.get("flags")));
        }
        return ps == 0 ? 4096 : 16384;
    }

    private void check(MinidumpHeader h) {
        if (s.size() < h.pageSize()) {
            throw corrupt(0, "header page", "a header page of " + Hex.of(h.pageSize()) + " bytes, found a file of " + Hex.of(s.size()));
        }
        area(28, "msgbufsize", h.msgbufAt(), h.msgbufSize(), MAX_MSGBUF, "the message buffer");
        if (h.version() >= h.arch().dumpAvailSince) {
            int offset = offsetOf(h, "dumpavailsize");
            area(offset, "dumpavailsize", h.dumpAvailAt(), h.dumpAvailSize(), MAX_DUMP_AVAIL, "dump_avail");
        }
        area(32, "bitmapsize", h.bitmapAt(), h.bitmapSize(), MAX_BITMAP, "the bitmap of dumped pages");
        String arrayField = h.arch().arraySizeName;
        area(36, arrayField, h.arrayAt(), h.arraySize(), Long.MAX_VALUE, "the page-table array");
        if (h.arch() == MinidumpArch.I386 && h.get("paemode") > 1) {
            throw corrupt(44, "paemode", "0 (2-level paging) or 1 (PAE), found " + h.get("paemode"));
        }
        if (h.arch() == MinidumpArch.ARM && h.get("mmuformat") > 3) {
            throw corrupt(48, "mmuformat", "0 (unknown: v6), 1 (v4), 2 (v6) or 3 (v6 LPAE), found " + h.get("mmuformat"));
        }
        EntryArrayKind kind = EntryArrayKind.of(h);
        if (h.arraySize() % kind.entrySize() != 0) {
            throw corrupt(36, arrayField, "a whole number of " + kind.entrySize() + "-byte entries, found "
                    + Hex.of(h.arraySize()) + " bytes");
        }
        long span = 1L << kind.spanShift();
        if ((h.kernbase() & (span - 1)) != 0) {
            throw corrupt(40, "kernbase", "an address aligned to the " + Hex.of(span) + " bytes one "
                    + kind.name() + " entry maps, found " + Hex.of(h.kernbase()));
        }
        long top = h.arch().architecture.pointerSize() == 8 ? -1L : 0xffff_ffffL;
        long covered = h.arraySize() / kind.entrySize() * span;
        if (covered != 0 && Long.compareUnsigned(covered - 1, top - h.kernbase()) > 0) {
            throw corrupt(36, arrayField, "an array that ends inside the address space: " + (covered / span)
                    + " entries of " + Hex.of(span) + " bytes from kernbase " + Hex.of(h.kernbase()) + " pass " + Hex.of(top));
        }
        if (Long.compareUnsigned(h.get("dmapend"), h.get("dmapbase")) < 0) {
            throw corrupt(offsetOf(h, "dmapend"), "dmapend", "an end at or above dmapbase " + Hex.of(h.get("dmapbase"))
                    + ", found " + Hex.of(h.get("dmapend")));
        }
    }

    private static int offsetOf(MinidumpHeader h, String field) {
        return h.arch().allFields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow().offset();
    }

    /** An area the header sizes must be no larger than its cap and lie inside the file. */
    private void area(int fieldOffset, String field, long at, long size, long cap, String what) {
        if (size > cap || !s.contains(at, size)) {
            throw corrupt(fieldOffset, field, what + (cap == Long.MAX_VALUE ? "" : " of at most " + Hex.of(cap) + " bytes")
                    + " inside the file (size " + Hex.of(s.size()) + "), found " + Hex.of(size) + " bytes at " + Hex.of(at));
        }
    }

    /** The message buffer as text: the kernel's ring buffer as stored, its unused (zero) bytes left out. */
    String messageBuffer(MinidumpHeader h) {
        byte[] raw = s.read(h.msgbufAt(), (int) h.msgbufSize());
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(raw.length);
        for (byte b : raw) {
            if (b != 0) {
                text.write(b);
            }
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** {@code dump_avail}: pairs of {@code vm_paddr_t} until a pair whose end is 0, or the implied range. */
    DumpAvail dumpAvail(MinidumpHeader h) {
        long bits = h.bitmapSize() * 8;
        if (h.version() < h.arch().dumpAvailSince) {
            return DumpAvail.implied(bits);
        }
        int word = h.arch().dumpAvailWord;
        byte[] raw = s.read(h.dumpAvailAt(), (int) h.dumpAvailSize());
        List<DumpAvail.Range> ranges = new ArrayList<>();
        long firstBit = 0;
        long previousEnd = 0;
        for (int i = 0; (i + 2) * word <= raw.length; i += 2) {
            long start = Bytes.unsigned(raw, i * word, word, LE);
            long end = Bytes.unsigned(raw, (i + 1) * word, word, LE);
            if (end == 0) {
                break;
            }
            long at = h.dumpAvailAt() + (long) i * word;
            if (Long.compareUnsigned(start, end) > 0) {
                throw new DumpFormatException(s.name(), at, "minidump dump_avail[" + i + "]",
                        "a range whose start is at or below its end, found " + Hex.of(start) + "-" + Hex.of(end));
            }
            if (Long.compareUnsigned(end, -h.pageSize()) > 0) {
                throw new DumpFormatException(s.name(), at, "minidump dump_avail[" + i + "]",
                        "a range that ends below the last page of the 64-bit space, found " + Hex.of(start) + "-" + Hex.of(end));
            }
            long firstPage = Long.divideUnsigned(start, h.pageSize());
            long endPage = Long.divideUnsigned(end - 1, h.pageSize()) + 1;
            if (firstPage < previousEnd) {
                throw new DumpFormatException(s.name(), at, "minidump dump_avail[" + i + "]",
                        "ranges in ascending order, found " + Hex.of(start) + " below the end of the range before");
            }
            ranges.add(new DumpAvail.Range(firstPage, endPage, firstBit));
            firstBit += endPage - firstPage;
            previousEnd = endPage;
        }
        return new DumpAvail(ranges, true);
    }
}
