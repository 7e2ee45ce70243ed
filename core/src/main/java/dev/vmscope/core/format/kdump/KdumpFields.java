package dev.vmscope.core.format.kdump;

import dev.vmscope.core.Hex;
import dev.vmscope.core.format.FormatField;

import java.util.ArrayList;
import java.util.List;

/**
 * The info view's fields of a compressed kdump, in the spirit of crash's {@code help -n}: both headers
 * (a field the header version lacks is not listed), then what the pages are.
 */
final class KdumpFields {
    private KdumpFields() {
    }

    static List<FormatField> of(KdumpFile file) {
        return of(file, List.of(file));
    }

    /** The headers of {@code file} and the pages of all {@code parts} (the files of a split set, or the one file). */
    static List<FormatField> of(KdumpFile file, List<KdumpFile> parts) {
        List<FormatField> f = new ArrayList<>();
        header(file, f);
        file.sub().ifPresent(sub -> subHeader(file, sub, f));
        pages(parts, f);
        return f;
    }

    private static void header(KdumpFile file, List<FormatField> f) {
        KdumpHeader h = file.header();
        String d = "disk_dump_header";
        f.add(new FormatField(d, "signature", h.signature()));
        f.add(new FormatField(d, "header_version", Integer.toString(h.headerVersion())));
        f.add(new FormatField(d, "layout", h.wide() ? "64-bit" : "32-bit"));
        f.add(new FormatField(d, "utsname.sysname", h.sysname()));
        f.add(new FormatField(d, "utsname.nodename", h.nodename()));
        f.add(new FormatField(d, "utsname.release", h.release()));
        f.add(new FormatField(d, "utsname.version", h.version()));
        f.add(new FormatField(d, "utsname.machine", h.machine()));
        f.add(new FormatField(d, "utsname.domainname", h.domainname()));
        f.add(new FormatField(d, "timestamp", Long.toString(h.timestampSeconds())));
        f.add(new FormatField(d, "status", Hex.of(h.status()) + " (" + h.compression()
                + (h.incomplete() ? ", incomplete dump" : "") + ((h.status() & KdumpHeader.EXCLUDED_VMEMMAP) != 0
                ? ", unused vmemmap excluded" : "") + ")"));
        f.add(new FormatField(d, "block_size", Integer.toString(h.blockSize())));
        f.add(new FormatField(d, "sub_hdr_size", Integer.toString(h.subHeaderBlocks())));
        f.add(new FormatField(d, "bitmap_blocks", Long.toString(h.bitmapBlocks())
                + (file.twoBitmaps() ? " (RAM and dumped bitmaps)" : " (one bitmap)")));
        f.add(new FormatField(d, "max_mapnr", Hex.of(file.maxMapnr())));
        f.add(new FormatField(d, "total_ram_blocks", Long.toString(h.totalRamBlocks())));
        f.add(new FormatField(d, "device_blocks", Long.toString(h.deviceBlocks())));
        f.add(new FormatField(d, "written_blocks", Long.toString(h.writtenBlocks())));
        f.add(new FormatField(d, "current_cpu", Long.toString(h.currentCpu())));
        f.add(new FormatField(d, "nr_cpus", Integer.toString(h.nrCpus())));
    }

    private static void subHeader(KdumpFile file, KdumpSubHeader sub, List<FormatField> f) {
        String k = "kdump_sub_header (" + sub.packing() + ")";
        f.add(new FormatField(k, "phys_base", Hex.of(sub.physBase())));
        if (sub.has(KdumpSubHeader.Since.DUMP_LEVEL)) {
            f.add(new FormatField(k, "dump_level", sub.dumpLevel() + " (" + DumpLevel.describe(sub.dumpLevel()) + ")"));
        }
        if (sub.has(KdumpSubHeader.Since.SPLIT)) {
            f.add(new FormatField(k, "split", Integer.toString(sub.split())));
            f.add(new FormatField(k, "start_pfn", Hex.of(sub.startPfn())));
            f.add(new FormatField(k, "end_pfn", Hex.of(sub.endPfn())));
        }
        if (sub.has(KdumpSubHeader.Since.VMCOREINFO)) {
            f.add(new FormatField(k, "offset_vmcoreinfo", Hex.of(sub.offsetVmcoreinfo())));
            f.add(new FormatField(k, "size_vmcoreinfo", Hex.of(sub.sizeVmcoreinfo())));
        }
        if (sub.has(KdumpSubHeader.Since.NOTES)) {
            f.add(new FormatField(k, "offset_note", Hex.of(sub.offsetNote())));
            f.add(new FormatField(k, "size_note", Hex.of(sub.sizeNote())));
        }
        if (sub.has(KdumpSubHeader.Since.ERASEINFO)) {
            f.add(new FormatField(k, "offset_eraseinfo", Hex.of(sub.offsetEraseinfo())));
            f.add(new FormatField(k, "size_eraseinfo", Hex.of(sub.sizeEraseinfo())));
        }
        if (sub.has(KdumpSubHeader.Since.PFN64)) {
            f.add(new FormatField(k, "start_pfn_64", Hex.of(sub.startPfn64())));
            f.add(new FormatField(k, "end_pfn_64", Hex.of(sub.endPfn64())));
            f.add(new FormatField(k, "max_mapnr_64", Hex.of(sub.maxMapnr64())));
        }
        if (sub.isSplitPart()) {
            f.add(new FormatField(k, "split part", "holds pfns " + Hex.of(file.firstIndex()) + "-" + Hex.of(file.endIndex())
                    + " of 0-" + Hex.of(file.maxMapnr()) + "; the other pfns are in the set's other files"));
        }
        if (file.pfnOffset() != 0) {
            f.add(new FormatField(k, "pfn numbering", "from phys_base: pfn 0 is physical " + Hex.of(file.pfnOffset() * file.blockSize())));
        }
    }

    private static void pages(List<KdumpFile> parts, List<FormatField> f) {
        KdumpFile first = parts.getFirst();
        String p = "pages (" + first.blockSize() + " bytes each)";
        long descriptors = 0;
        long unwritten = 0;
        long excluded = 0;
        long holes = 0;
        long zero = 0;
        boolean zeroCounted = true;
        boolean exact = true;
        long examined = 0;
        long unknown = 0;
        java.util.Map<PageCodec, Long> codecs = new java.util.EnumMap<>(PageCodec.class);
        for (KdumpFile file : parts) {
            DescriptorCensus census = file.census();
            descriptors += file.descriptorCount();
            unwritten += census.unwrittenCount();
            excluded += file.excludedPages();
            holes += file.holePages();
            zeroCounted &= census.zeroPages().isPresent();
            zero += census.zeroPages().orElse(0);
            exact &= census.exact();
            examined += census.examined();
            unknown += census.unknownFlags();
            census.codecs().forEach((c, n) -> codecs.merge(c, n, Long::sum));
        }
        f.add(new FormatField(p, "dumped", Long.toString(descriptors - unwritten)));
        f.add(new FormatField(p, "excluded by filtering", Long.toString(excluded)));
        f.add(new FormatField(p, "zero (shared zero page)", zeroCounted ? Long.toString(zero)
                : "not counted (" + descriptors + " descriptors, more than are read at open)"));
        f.add(new FormatField(p, "holes (below max_mapnr)", Long.toString(holes)));
        if (parts.stream().anyMatch(x -> x.header().incomplete())) {
            f.add(new FormatField(p, "incomplete dump", unwritten
                    + " pages set in the dumped bitmap were never written and read as not in the dump"));
        }
        if (!codecs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            codecs.forEach((codec, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(codec.id()).append(' ').append(n));
            f.add(new FormatField(p, "compression by page", sb + (exact ? " (all descriptors)" : " (sampled " + examined + " descriptors)")));
        }
        if (unknown > 0) {
            f.add(new FormatField(p, "unknown page flags", unknown + " descriptors"));
        }
    }
}
