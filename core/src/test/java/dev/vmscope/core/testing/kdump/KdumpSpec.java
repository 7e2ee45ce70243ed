package dev.vmscope.core.testing.kdump;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small dump described as data — header choices, what each pfn holds, notes, VMCOREINFO — and the
 * file format to write it in. {@link KdumpSpecParser} reads it from text; {@link KdumpWriter},
 * {@link FlattenedWriter} and {@link ImageWriter} turn it into bytes.
 *
 * @param name   where the spec came from, for messages
 * @param expect hand-written expectations ({@code @expect key value}), in order
 */
public record KdumpSpec(String name, Header header, List<PageRun> pages, List<Note> notes, Optional<String> vmcoreinfo,
                        List<Poke> pokes, Output output, List<Expect> expect) {

    public KdumpSpec {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
        pokes = List.copyOf(pokes);
        expect = List.copyOf(expect);
    }

    /** One hand-written expectation: {@code @expect KEY VALUE}. */
    public record Expect(String key, String value, String origin) {
    }

    /** The values expected for a key, in order. */
    public List<String> expected(String key) {
        return expect.stream().filter(e -> e.key().equals(key)).map(Expect::value).toList();
    }

    /**
     * The compressed kdump headers to write.
     *
     * @param wideHeader   the 64-bit {@code disk_dump_header} (fields at 424) or the 32-bit one (at 412)
     * @param subLayout    {@code 64}, {@code packed} or {@code aligned}
     * @param compression  what the header's status announces: zlib, lzo, snappy, zstd or none
     * @param extraStatus  further status bits (e.g. 0x10, unused vmemmap excluded)
     * @param pfnOffset    pfn of the first bitmap bit (makedumpfile numbers 32-bit ARM frames from phys_base)
     * @param maxMapnr     -1 for "one past the highest pfn described"
     * @param bitmaps      2 (RAM and dumped) or 1 (the diskdump layout without a partial bitmap)
     * @param zeroPage     {@code always} (QEMU), {@code auto} (when a page is ZERO) or {@code never}
     * @param vmcoreinfoAt {@code both}, {@code note} or {@code subheader}
     */
    public record Header(String signature, int version, boolean wideHeader, String subLayout, int blockSize,
                         String machine, String release, String compression, boolean incomplete, long extraStatus,
                         long physBase, int dumpLevel, long pfnOffset, long maxMapnr, int bitmaps, String zeroPage,
                         String vmcoreinfoAt, int nrCpus) {
        public static Header defaults() {
            return new Header("KDUMP   ", 6, true, "64", 4096, "x86_64", "6.1.0-test", "zlib", false, 0, 0, 31, 0, -1,
                    2, "auto", "both", 1);
        }
    }

    /** One ELF note of the sub-header's note area; its descriptor is {@code size} bytes of the note's name in ASCII, repeated. */
    public record Note(String owner, long type, int size) {
    }

    /** Bytes written over the page content at a physical address. */
    public record Poke(long address, byte[] bytes) {
        public Poke {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * The file format written.
     *
     * @param format     {@code kdump}, {@code flattened}, {@code lime} or {@code raw}
     * @param splitAt    pfns where a {@code --split} set's parts begin (after the first at 0); empty for one file
     * @param chunk      flattened: bytes per record
     * @param order      flattened: {@code forward}, {@code reverse} or {@code shuffled}
     * @param overwrites flattened: records of garbage written first and overwritten by later ones
     */
    public record Output(String format, List<Long> splitAt, int chunk, String order, int overwrites) {
        public Output {
            splitAt = List.copyOf(splitAt);
        }

        public static Output kdump() {
            return new Output("kdump", List.of(), 4096, "forward", 0);
        }
    }

    /** The kind of every pfn, from the runs (a later run wins). */
    public Map<Long, PageRun> runAt() {
        Map<Long, PageRun> m = new java.util.TreeMap<>();
        for (PageRun r : pages) {
            for (long p = r.from(); p < r.to(); p++) {
                m.put(p, r);
            }
        }
        return m;
    }

    /** One past the highest pfn described. */
    public long pfnEnd() {
        return pages.stream().mapToLong(PageRun::to).max().orElse(0);
    }

    /** The bytes the dump holds at pfn {@code pfn} when it is RAM: the content pattern with the pokes applied. */
    public byte[] pageBytes(long pfn) {
        int size = header.blockSize();
        long base = pfn * size;
        byte[] b = PageContent.page(base, size);
        for (Poke p : pokes) {
            byte[] bytes = p.bytes();
            for (int i = 0; i < bytes.length; i++) {
                long a = p.address() + i;
                if (a >= base && a < base + size) {
                    b[(int) (a - base)] = bytes[i];
                }
            }
        }
        return b;
    }

    public KdumpSpec withHeader(Header h) {
        return new KdumpSpec(name, h, pages, notes, vmcoreinfo, pokes, output, expect);
    }

    public KdumpSpec withOutput(Output o) {
        return new KdumpSpec(name, header, pages, notes, vmcoreinfo, pokes, o, expect);
    }

    public KdumpSpec withPages(List<PageRun> runs) {
        return new KdumpSpec(name, header, new ArrayList<>(runs), notes, vmcoreinfo, pokes, output, expect);
    }
}
