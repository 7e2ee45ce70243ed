package dev.vmscope.core.testing.kdump;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link KdumpSpec} as makedumpfile's compressed kdump, following the layout of
 * makedumpfile's {@code diskdump_mod.h} and QEMU's {@code dump.h}: block 0 the {@code disk_dump_header}
 * (64-bit or 32-bit), block 1 the {@code kdump_sub_header} (in the chosen packing) followed by the
 * notes and the VMCOREINFO text, the bitmaps, one 24-byte descriptor per dumped page, then the page
 * data. Fields that the header version lacks are filled with {@code 0xee}, so a reader that uses them
 * shows it. With {@code @output split} each part holds the descriptors and data of its pfn range.
 */
public final class KdumpWriter {
    private static final byte ABSENT = (byte) 0xee;

    private KdumpWriter() {
    }

    /** The one file of a spec without split parts. */
    public static byte[] write(KdumpSpec spec) {
        List<byte[]> parts = writeParts(spec);
        if (parts.size() != 1) {
            throw new IllegalArgumentException(spec.name() + " describes a split set of " + parts.size() + " files");
        }
        return parts.getFirst();
    }

    public static List<byte[]> writeParts(KdumpSpec spec) {
        return writeParts(spec, spec::pageBytes, new byte[0]);
    }

    /**
     * @param content    the bytes of each RAM pfn (one block)
     * @param extraNotes note bytes written before the spec's own notes (a real dump's PT_NOTE segment)
     */
    public static List<byte[]> writeParts(KdumpSpec spec, java.util.function.LongFunction<byte[]> content, byte[] extraNotes) {
        KdumpSpec.Header h = spec.header();
        long end = maxMapnr(spec);
        List<Long> bounds = new ArrayList<>();
        bounds.add(0L);
        for (long at : spec.output().splitAt()) {
            bounds.add(at - h.pfnOffset());
        }
        bounds.add(end);
        boolean split = bounds.size() > 2;
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            out.add(part(spec, content, extraNotes, end, split, bounds.get(i), bounds.get(i + 1)));
        }
        return out;
    }

    static long maxMapnr(KdumpSpec spec) {
        long m = spec.header().maxMapnr();
        return m >= 0 ? m : Math.max(1, spec.pfnEnd() - spec.header().pfnOffset());
    }

    private static byte[] part(KdumpSpec spec, java.util.function.LongFunction<byte[]> content, byte[] extraNotes,
                               long maxMapnr, boolean split, long first, long end) {
        KdumpSpec.Header h = spec.header();
        int block = h.blockSize();
        Map<Long, PageRun> runs = spec.runAt();
        byte[] subArea = subHeaderArea(spec, extraNotes, maxMapnr, split, first, end);
        int subBlocks = Math.max(1, (subArea.length + block - 1) / block);
        long oneBitmap = Math.max(1, ((maxMapnr + 7) / 8 + block - 1) / block) * block;
        long bitmapBlocks = h.bitmaps() * oneBitmap / block;
        ByteBuilder f = new ByteBuilder();
        long bitmapAt = (long) block * (1 + subBlocks);
        long descriptorsAt = bitmapAt + bitmapBlocks * block;
        f.put(block, subArea);
        byte[] validBits = new byte[(int) oneBitmap];
        byte[] dumpedBits = new byte[(int) oneBitmap];
        List<Long> dumped = new ArrayList<>();
        boolean anyZero = false;
        for (Map.Entry<Long, PageRun> e : runs.entrySet()) {
            long index = e.getKey() - h.pfnOffset();
            PageKind k = e.getValue().kind();
            if (index < 0 || index >= maxMapnr || k == PageKind.HOLE) {
                continue;
            }
            setBit(validBits, index);
            if (k != PageKind.EXCLUDED) {
                setBit(dumpedBits, index);
                if (index >= first && index < end) {
                    dumped.add(e.getKey());
                    anyZero |= k == PageKind.ZERO;
                }
            }
        }
        f.put(bitmapAt, h.bitmaps() == 2 ? validBits : dumpedBits);
        if (h.bitmaps() == 2) {
            f.put(bitmapAt + oneBitmap, dumpedBits);
        }
        long data = descriptorsAt + (long) dumped.size() * 24;
        long zeroPage = -1;
        if (h.zeroPage().equals("always") || (h.zeroPage().equals("auto") && anyZero)) {
            zeroPage = data;
            f.fill(data, block, (byte) 0);
            data += block;
        }
        long at = descriptorsAt;
        for (long pfn : dumped) {
            PageRun run = runs.get(pfn);
            if (run.kind() == PageKind.UNWRITTEN) {
                f.fill(at, 24, (byte) 0);
            } else if (run.kind() == PageKind.ZERO && zeroPage >= 0) {
                descriptor(f, at, zeroPage, block, 0);
            } else {
                byte[] page = run.kind() == PageKind.ZERO ? new byte[block] : content.apply(pfn);
                if (zeroPage >= 0 && allZero(page)) {
                    descriptor(f, at, zeroPage, block, 0); // as QEMU does: every zero page shares one
                    at += 24;
                    continue;
                }
                byte[] packed = PageCompressors.compress(run.codec(), page);
                byte[] stored = packed == null ? page : packed;
                descriptor(f, at, data, stored.length, packed == null ? 0 : PageCompressors.flag(run.codec()));
                f.put(data, stored);
                data += stored.length;
            }
            at += 24;
        }
        f.fill(descriptorsAt, 0, (byte) 0);
        header(f, spec, maxMapnr, subBlocks, bitmapBlocks, dumped.size());
        return f.bytes();
    }

    private static boolean allZero(byte[] page) {
        for (byte b : page) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void descriptor(ByteBuilder f, long at, long offset, int size, int flags) {
        f.u64(at, offset).u32(at + 8, size).u32(at + 12, flags).u64(at + 16, 0);
    }

    private static void setBit(byte[] bits, long index) {
        bits[(int) (index >>> 3)] |= (byte) (1 << (index & 7));
    }

    private static void header(ByteBuilder f, KdumpSpec spec, long maxMapnr, int subBlocks, long bitmapBlocks, int dumped) {
        KdumpSpec.Header h = spec.header();
        f.put(0, h.signature().getBytes(StandardCharsets.ISO_8859_1));
        f.u32(8, h.version());
        String[] uts = {"Linux", "testhost", h.release(), "#1 SMP test", h.machine(), "(none)"};
        for (int i = 0; i < uts.length; i++) {
            f.put(12 + 65L * i, uts[i].getBytes(StandardCharsets.ISO_8859_1));
        }
        int at;
        if (h.wideHeader()) {
            f.u64(408, 1_700_000_000L).u64(416, 0);
            at = 424;
        } else {
            f.u32(404, 1_700_000_000L).u32(408, 0);
            at = 412;
        }
        long status = h.signature().equals("DISKDUMP")
                ? (h.incomplete() ? 1 : h.compression().equals("none") ? 0 : 8)
                : PageCompressors.flag(h.compression()) | (h.incomplete() ? 0x8 : 0) | h.extraStatus();
        f.u32(at, status).u32(at + 4, h.blockSize()).u32(at + 8, subBlocks).u32(at + 12, bitmapBlocks)
                .u32(at + 16, Math.min(maxMapnr, 0xffffffffL)).u32(at + 20, dumped).u32(at + 24, 0).u32(at + 28, 0)
                .u32(at + 32, 0).u32(at + 36, h.nrCpus());
    }

    /** The sub-header followed by the notes and the VMCOREINFO text, as block 1 onwards holds them. */
    private static byte[] subHeaderArea(KdumpSpec spec, byte[] extraNotes, long maxMapnr, boolean split, long first, long end) {
        KdumpSpec.Header h = spec.header();
        if (h.signature().equals("DISKDUMP")) {
            return new ByteBuilder().fill(0, 512, (byte) 0xdd).bytes();
        }
        SubLayout l = SubLayout.of(h.subLayout());
        byte[] notes = ByteBuilder.concat(extraNotes, notes(spec));
        byte[] info = spec.vmcoreinfo().filter(x -> !h.vmcoreinfoAt().equals("note"))
                .map(x -> x.getBytes(StandardCharsets.ISO_8859_1)).orElse(new byte[0]);
        long block = h.blockSize();
        long notesAt = block + l.size;
        long infoAt = notesAt + notes.length;
        ByteBuilder b = new ByteBuilder();
        b.fill(0, l.size, ABSENT);
        b.integer(0, l.word, h.physBase());
        int v = h.version();
        if (v >= 1) {
            b.u32(l.dumpLevel, h.dumpLevel());
        }
        if (v >= 2) {
            b.u32(l.dumpLevel + 4, split ? 1 : 0).integer(l.startPfn, l.word, split ? first : 0)
                    .integer(l.startPfn + l.word, l.word, split ? end : 0);
        }
        if (v >= 3) {
            b.u64(l.vmcoreinfo, info.length == 0 ? 0 : infoAt).integer(l.vmcoreinfo + 8, l.word, info.length);
        }
        if (v >= 4) {
            b.u64(l.notes, notes.length == 0 ? 0 : notesAt).integer(l.notes + 8, l.word, notes.length);
        }
        if (v >= 5) {
            b.u64(l.eraseinfo, 0).integer(l.eraseinfo + 8, l.word, 0);
        }
        if (v >= 6) {
            b.u64(l.pfn64, split ? first : 0).u64(l.pfn64 + 8, split ? end : 0).u64(l.pfn64 + 16, maxMapnr);
        }
        b.put(l.size, notes);
        b.put(l.size + notes.length, info);
        return b.bytes();
    }

    private static byte[] notes(KdumpSpec spec) {
        List<byte[]> all = new ArrayList<>();
        for (KdumpSpec.Note n : spec.notes()) {
            byte[] desc = new byte[n.size()];
            byte[] name = (n.owner() + " ").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < desc.length; i++) {
                desc[i] = name[i % name.length];
            }
            all.add(ByteBuilder.note(n.owner(), n.type(), desc, ByteOrder.LITTLE_ENDIAN));
        }
        if (spec.vmcoreinfo().isPresent() && !spec.header().vmcoreinfoAt().equals("subheader")) {
            all.add(ByteBuilder.note("VMCOREINFO", 0, spec.vmcoreinfo().get().getBytes(StandardCharsets.ISO_8859_1),
                    ByteOrder.LITTLE_ENDIAN));
        }
        return ByteBuilder.concat(all.toArray(byte[][]::new));
    }

    /** Offsets of the sub-header fields in each packing (see makedumpfile's diskdump_mod.h). */
    private record SubLayout(int word, int dumpLevel, int startPfn, int vmcoreinfo, int notes, int eraseinfo, int pfn64, int size) {
        static SubLayout of(String name) {
            return switch (name) {
                case "64" -> new SubLayout(8, 8, 16, 32, 48, 64, 80, 104);
                case "packed" -> new SubLayout(4, 4, 12, 20, 32, 44, 56, 80);
                case "aligned" -> new SubLayout(4, 4, 12, 24, 40, 56, 72, 96);
                default -> throw new IllegalArgumentException("sub-header packing " + name + " (64, packed or aligned)");
            };
        }
    }
}
