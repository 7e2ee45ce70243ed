package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.CpuStates;
import elf4j.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Opens the files of a {@code makedumpfile --split} set as one dump. Each file is a compressed kdump
 * whose sub-header says {@code split = 1} and holds the pages of pfns {@code start_pfn_64..end_pfn_64};
 * the set is accepted only when its files come from one dump (same machine, release, timestamp, block
 * size and max_mapnr) and their ranges adjoin from pfn 0 to max_mapnr. A gap names the pfns — and
 * physical addresses — of the part that is missing.
 */
public final class SplitKdump {
    private static final Logger LOG = Logger.instance();

    private SplitKdump() {
    }

    /** Opens the set; the returned dump owns every storage (also when this throws, they are closed). */
    public static Dump open(List<Storage> storages, boolean zeroExcluded) {
        try {
            List<KdumpFile> parts = new ArrayList<>();
            for (Storage s : storages) {
                parts.add(readPart(s));
            }
            parts.sort(Comparator.comparingLong(KdumpFile::firstIndex).thenComparingLong(KdumpFile::endIndex));
            checkSameDump(parts);
            checkCoverage(parts);
            List<KdumpMemory> memories = parts.stream().map(p -> p.memory(zeroExcluded)).toList();
            KdumpFile first = parts.getFirst();
            LOG.atInfo().log("split kdump set of {} files opened, first {}", parts.size(), first.storage().name());
            return new Dump(first.storage().name(), "kdump-compressed", compression(parts), first.architecture(),
                    new SplitKdumpMemory(memories), first.notes(), CpuStates.decode(first.notes(), first.architecture()),
                    first.vmcoreinfo(), fields(parts), first.storage());
        } catch (RuntimeException e) {
            storages.forEach(Storage::close);
            throw e;
        }
    }

    private static KdumpFile readPart(Storage s) {
        if (!new KdumpCompressedFormat().claims(s)) {
            throw new DumpFormatException(s.name(), 0, "split set: compressed kdump header: signature",
                    "\"KDUMP   \" (every file of a split set is a compressed kdump)");
        }
        KdumpFile f = KdumpFileReader.read(s);
        if (!f.splitPart()) {
            throw new DumpFormatException(s.name(), f.blockSize(), "split set: kdump sub-header: split",
                    "1 (a part of a makedumpfile --split set) in every file given together, found 0 (a whole dump)");
        }
        return f;
    }

    private static void checkSameDump(List<KdumpFile> parts) {
        KdumpFile a = parts.getFirst();
        for (KdumpFile b : parts.subList(1, parts.size())) {
            same(a, b, 12 + 4 * KdumpHeaderReader.UTS_LENGTH, "utsname.machine", a.header().machine(), b.header().machine());
            same(a, b, 12 + 2 * KdumpHeaderReader.UTS_LENGTH, "utsname.release", a.header().release(), b.header().release());
            same(a, b, b.header().wide() ? 408 : 404, "timestamp", a.header().timestampSeconds(), b.header().timestampSeconds());
            same(a, b, b.header().fieldsOffset() + 4, "block_size", a.blockSize(), b.blockSize());
            same(a, b, b.header().fieldsOffset() + 16, "max_mapnr", Hex.of(a.maxMapnr()), Hex.of(b.maxMapnr()));
            same(a, b, b.blockSize(), "phys_base numbering", a.pfnOffset(), b.pfnOffset());
            same(a, b, b.header().fieldsOffset(), "status (compression of the set)", a.header().status() & ~KdumpHeader.INCOMPLETE,
                    b.header().status() & ~KdumpHeader.INCOMPLETE);
        }
    }

    private static void same(KdumpFile a, KdumpFile b, long offset, String field, Object x, Object y) {
        if (!Objects.equals(x, y)) {
            throw new DumpFormatException(b.storage().name(), offset, "split set: header field " + field,
                    "the value of the set's other files (" + x + " in " + a.storage().name() + "), found " + y);
        }
    }

    private static void checkCoverage(List<KdumpFile> parts) {
        long expected = 0;
        KdumpFile last = parts.getLast();
        long end = Math.min(last.maxMapnr(), last.dumped().size());
        for (KdumpFile p : parts) {
            if (p.firstIndex() > expected) {
                throw missing(p, expected, p.firstIndex(), parts.size());
            }
            if (p.firstIndex() < expected) {
                throw new DumpFormatException(p.storage().name(), p.blockSize(), "split set: kdump sub-header: start_pfn_64",
                        "a range that starts where the previous part ends (pfn " + Hex.of(expected) + "), found "
                                + Hex.of(p.firstIndex()) + " (the same part given twice, or parts of different sets)");
            }
            expected = p.endIndex();
        }
        if (expected < end) {
            throw missing(last, expected, end, parts.size());
        }
    }

    private static DumpFormatException missing(KdumpFile next, long from, long to, int given) {
        long physFrom = (from + next.pfnOffset()) * next.blockSize();
        long physTo = (to + next.pfnOffset()) * next.blockSize();
        return new DumpFormatException(next.storage().name(), next.blockSize(), "split set: pfns " + Hex.of(from) + "-" + Hex.of(to),
                "a file of the set holding them (physical " + Hex.of(physFrom) + "-" + Hex.of(physTo)
                        + "); none of the " + given + " files given does, so a part of the set is missing");
    }

    private static String compression(List<KdumpFile> parts) {
        List<String> each = parts.stream().map(p -> p.census().compression(p.header().compression())).distinct().toList();
        return each.size() == 1 ? each.getFirst() : "mixed";
    }

    private static List<FormatField> fields(List<KdumpFile> parts) {
        List<FormatField> f = new ArrayList<>();
        String set = "split set";
        f.add(new FormatField(set, "files", Integer.toString(parts.size())));
        for (int i = 0; i < parts.size(); i++) {
            KdumpFile p = parts.get(i);
            f.add(new FormatField(set, "part " + (i + 1), p.storage().name() + ": pfns " + Hex.of(p.firstIndex()) + "-"
                    + Hex.of(p.endIndex()) + ", " + (p.descriptorCount() - p.census().unwrittenCount()) + " pages dumped"));
        }
        f.addAll(KdumpFields.of(parts.getFirst(), parts));
        return f;
    }
}
