package dev.vmscope.core.format.minidump;

import dev.vmscope.core.Hex;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.KernelMap;
import dev.vmscope.core.format.kdump.PageBitmap;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FreeBSD's kernel minidump ({@code "minidump FreeBSD/<arch>"}, what {@code savecore} leaves as
 * {@code vmcore.N}) for amd64 (versions 1 to 3), i386 (2-level and PAE, versions 1 and 2), arm (v4, v6 and
 * LPAE entry formats, versions 1 and 2) and arm64 (versions 1 to 3, 4 and 16 KiB pages). A header page, the
 * kernel's message buffer, {@code dump_avail}, a bitmap of the dumped physical pages, a flat array of the
 * kernel's page-table entries from {@code kernbase}, then the pages in bitmap order. Memory is physical; the
 * kernel's virtual addresses translate through the array, and on amd64 and arm64 through the direct map too.
 * There are no CPU notes and no page-table root.
 */
public final class FreeBsdMinidumpFormat implements DumpFormat {

    @Override
    public String name() {
        return "FreeBSD minidump";
    }

    @Override
    public boolean claims(Storage storage) {
        int n = MinidumpArch.MAGIC_PREFIX.length();
        return storage.contains(0, MinidumpArch.MAGIC_LENGTH)
                && new String(storage.read(0, n), StandardCharsets.ISO_8859_1).equals(MinidumpArch.MAGIC_PREFIX);
    }

    @Override
    public Dump open(Storage s) {
        MinidumpReader reader = new MinidumpReader(s);
        MinidumpHeader h = reader.header();
        DumpAvail avail = reader.dumpAvail(h);
        PageBitmap bitmap = new PageBitmap(s.read(h.bitmapAt(), (int) h.bitmapSize()), h.bitmapSize() * 8);
        MinidumpMemory memory = new MinidumpMemory(s, h.pageSize(), h.pagesAt(), bitmap, avail);
        EntryArrayKind kind = EntryArrayKind.of(h);
        String messages = reader.messageBuffer(h);
        return new Dump(s.name(), "freebsd-minidump", "none", h.arch().architecture, memory, List.of(), List.of(),
                Optional.empty(), fields(h, avail, kind, memory, messages), s, Optional.of(kernelMap(s, h, kind)));
    }

    /** The direct map first (arm64's lies above kernbase and wins there), then the page-table array. */
    private static KernelMap kernelMap(Storage s, MinidumpHeader h, EntryArrayKind kind) {
        List<KernelMap.Region> regions = new ArrayList<>();
        long dmapBase = h.get("dmapbase");
        long dmapEnd = h.get("dmapend");
        if (Long.compareUnsigned(dmapEnd, dmapBase) > 0) {
            regions.add(new KernelMap.Linear("direct map", dmapBase, dmapEnd - 1, h.get("dmapphys")));
        }
        long count = h.arraySize() / kind.entrySize();
        var array = new SegmentedMemory(s, Space.DUMP_FILE,
                List.of(new SegmentedMemory.Segment(h.arrayAt(), h.arraySize(), h.arrayAt(), h.arraySize())));
        regions.add(new KernelMap.EntryArray(kind.name(), h.kernbase(), count, kind.level(), array, h.arrayAt()));
        return new KernelMap(kind.pagingMode(), regions, "the minidump's " + kind.name() + " of " + count
                + " entries from kernbase " + Hex.of(h.kernbase()));
    }

    private static List<FormatField> fields(MinidumpHeader h, DumpAvail avail, EntryArrayKind kind, MinidumpMemory memory,
                                            String messages) {
        List<FormatField> f = new ArrayList<>();
        String hdr = "minidump header";
        f.add(new FormatField(hdr, "magic", MinidumpArch.MAGIC_PREFIX + h.arch().name));
        f.add(new FormatField(hdr, "version", Integer.toString(h.version())));
        for (var field : h.arch().allFields()) {
            if (field.name().equals("version") || !h.fields().containsKey(field.name())) {
                continue;
            }
            long v = h.get(field.name());
            String text = field.name().endsWith("size") ? Long.toString(v) : Hex.of(v);
            if (field.name().equals("mmuformat")) {
                text += " (" + kind.pagingMode() + ")";
            } else if (field.name().equals("paemode")) {
                text = v + " (" + kind.pagingMode() + ")";
            } else if (field.name().equals("flags")) {
                text += " (" + (h.pageSize() >> 10) + " KiB pages)";
            }
            f.add(new FormatField(hdr, field.name(), text));
        }
        String layout = "layout";
        f.add(new FormatField(layout, "page size", Long.toString(h.pageSize())));
        f.add(new FormatField(layout, "message buffer at", Hex.of(h.msgbufAt())));
        if (avail.explicit()) {
            f.add(new FormatField(layout, "dump_avail at", Hex.of(h.dumpAvailAt())));
        }
        f.add(new FormatField(layout, "bitmap at", Hex.of(h.bitmapAt())));
        f.add(new FormatField(layout, kind.name() + " at", Hex.of(h.arrayAt()) + " (" + h.arraySize() / kind.entrySize()
                + " " + kind.entrySize() + "-byte entries of " + kind.pagingMode() + ", each mapping "
                + Hex.of(1L << kind.spanShift()) + " bytes)"));
        f.add(new FormatField(layout, "pages at", Hex.of(h.pagesAt())));
        String ranges = avail.explicit() ? "dump_avail" : "dump_avail (implied: one bit per page from 0)";
        int shown = 0;
        for (DumpAvail.Range r : avail.ranges()) {
            if (shown++ == 64) {
                f.add(new FormatField(ranges, "…", (avail.ranges().size() - 64) + " more"));
                break;
            }
            f.add(new FormatField(ranges, "[" + (shown - 1) + "]", Hex.of(r.firstPage() * h.pageSize()) + "-"
                    + Hex.of(r.endPage() * h.pageSize()) + " (bits from " + r.firstBit() + ")"));
        }
        String pages = "pages";
        f.add(new FormatField(pages, "dumped pages", Long.toString(memory.dumpedPages())));
        if (memory.missingPages() > 0) {
            f.add(new FormatField(pages, "missing pages", memory.missingPages() + " (the file ends before them)"));
        }
        f.add(new FormatField("message buffer", "msgbuf", messages));
        return f;
    }
}
