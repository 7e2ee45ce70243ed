package dev.vmscope.app.hostile;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Corpus dumps made hostile: cut at every header boundary and at sampled page boundaries, single bits
 * flipped in headers and notes, sizes and counts near 2^63, overlapping and absurd segments. Each is
 * given to the command line ({@code info}, {@code vtop} of truth addresses, {@code rd}, {@code map}) in a
 * JVM with a 64 MiB heap, and each run must end honestly (see {@link CliRun}). Copies hold only the
 * prefix a run needs and are cut shorter in place, largest first.
 */
class HostileCorpusTest {
    static final String SET = "x86_64-6.1-qemu-live";
    /** _stext, the direct map's second page, the first vmalloc page (corpus README and addrs.tsv). */
    static final String[] TRUTH = {"0xffffffff8f000000", "0xffff8c9b00001000", "0xffffd23140000000"};

    @TempDir
    static Path dir;
    static Path addresses;

    @BeforeAll
    static void addresses() throws IOException {
        addresses = Files.writeString(dir.resolve("addresses.txt"), String.join("\n", TRUTH) + "\n");
    }

    /** The four commands, or the first two where a file is only headers. */
    static void commands(Path file, boolean all) throws Exception {
        String f = file.toString();
        CliRun.run(dir, "info", f).assertHonest(f);
        CliRun.run(dir, "vtop", f, "--from", addresses.toString(), "--brief").assertHonest(f);
        if (all) {
            CliRun.run(dir, "rd", f, TRUTH[0]).assertHonest(f);
            CliRun.run(dir, "map", f).assertHonest(f);
        }
    }

    /** Cuts from the longest to the shortest; a cut past the header region also runs rd and map. */
    static void cuts(Path source, String name, TreeSet<Long> cuts, long headerEnd) throws Exception {
        Path copy = HostileFiles.prefix(source, dir.resolve(name), cuts.last());
        for (long cut : cuts.descendingSet()) {
            HostileFiles.truncate(copy, cut);
            commands(copy, cut > headerEnd);
        }
        Files.delete(copy);
    }

    static TreeSet<Long> elfHeaderCuts(HostileFiles.Elf elf) {
        TreeSet<Long> cuts = new TreeSet<>(List.of(0L, 4L, 16L, 18L, 20L, 32L, 52L, 63L, 64L));
        for (int i = 0; i <= elf.phnum(); i++) {
            cuts.add(elf.phoff() + (long) i * elf.phentsize());
        }
        cuts.add(elf.phoff() + elf.phentsize() / 2);
        long[] note = elf.note();
        cuts.add(note[1] + 12);
        cuts.add(note[1] + note[3] / 2);
        cuts.add(note[1] + note[3] - 1);
        cuts.add(note[1] + note[3]);
        return cuts;
    }

    @Test
    void elfCutAtEveryHeaderBoundaryAndSampledPages() throws Exception {
        Path source = Corpus.dump(SET, "vmcore-qemu.elf");
        HostileFiles.Elf elf = HostileFiles.Elf.of(source);
        TreeSet<Long> cuts = elfHeaderCuts(elf);
        long headerEnd = cuts.last();
        Random random = new Random(42);
        for (long[] load : elf.loads()) {
            cuts.add(load[1]);
            if (load[3] > 4096) {
                cuts.add(load[1] + 4096 * (long) random.nextInt((int) Math.min(load[3] / 4096, Integer.MAX_VALUE)));
            }
        }
        while (cuts.size() > 40) {
            cuts.remove(cuts.higher(headerEnd + random.nextLong(Files.size(source) - headerEnd)) == null ? cuts.last()
                    : cuts.higher(headerEnd + random.nextLong(Files.size(source) - headerEnd)));
        }
        cuts(source, "cut.elf", cuts, headerEnd);
    }

    @Test
    void kdumpCutAtEveryHeaderBoundaryAndSampledPages() throws Exception {
        Path source = Corpus.file(SET, "dumps/vmcore-qemu.kdump-zlib");
        ByteBuffer h = ByteBuffer.wrap(HostileFiles.read(source, 0, 8192)).order(ByteOrder.LITTLE_ENDIAN);
        int block = h.getInt(428);
        int subBlocks = h.getInt(432);
        int bitmapBlocks = h.getInt(436);
        long descriptors = (long) (1 + subBlocks + bitmapBlocks) * block;
        TreeSet<Long> cuts = new TreeSet<>(List.of(0L, 8L, 12L, 408L, 424L, 428L, 444L, 464L, (long) block, block + 104L,
                block + h.getLong(block + 40) + h.getLong(block + 48) / 2, (long) (1 + subBlocks) * block,
                (long) (1 + subBlocks + bitmapBlocks / 2) * block, descriptors, descriptors + 12, descriptors + 24 * 100));
        long headerEnd = descriptors + 24 * 100;
        long firstData = ByteBuffer.wrap(HostileFiles.read(source, descriptors, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        cuts.add(firstData);
        cuts.add(firstData + 100);
        Random random = new Random(7);
        long size = Files.size(source);
        for (int i = 0; i < 4; i++) {
            cuts.add(firstData + (random.nextLong(size - firstData) & -4096));
        }
        cuts(source, "cut.kdump", cuts, headerEnd);
    }

    @Test
    void xenElfCutAtEveryHeaderBoundary() throws Exception {
        Path source = Corpus.dump("xen", "x1-xen-kdump.vmcore");
        HostileFiles.Elf elf = HostileFiles.Elf.of(source);
        TreeSet<Long> cuts = elfHeaderCuts(elf);
        long first = elf.loads().getFirst()[1];
        cuts.add(first + 4096);
        cuts(source, "cut-xen.elf", cuts, first);
    }

    @Test
    void singleBitFlipsInElfHeadersAndNotes() throws Exception {
        Path source = Corpus.dump(SET, "vmcore-qemu.elf");
        HostileFiles.Elf elf = HostileFiles.Elf.of(source);
        Path copy = HostileFiles.prefix(source, dir.resolve("flip.elf"), Long.MAX_VALUE);
        long[] note = elf.note();
        Random random = new Random(1);
        List<Long> bits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bits.add((long) random.nextInt(64 * 8));
            bits.add(elf.phoff() * 8 + random.nextInt(elf.phnum() * elf.phentsize() * 8));
            bits.add(note[1] * 8 + random.nextLong(note[3] * 8));
        }
        flips(copy, bits);
    }

    @Test
    void singleBitFlipsInKdumpHeaders() throws Exception {
        Path source = Corpus.file(SET, "dumps/vmcore-qemu.kdump-zlib");
        Path copy = HostileFiles.prefix(source, dir.resolve("flip.kdump"), Long.MAX_VALUE);
        ByteBuffer h = ByteBuffer.wrap(HostileFiles.read(source, 0, 8192)).order(ByteOrder.LITTLE_ENDIAN);
        int block = h.getInt(428);
        long descriptors = (long) (1 + h.getInt(432) + h.getInt(436)) * block;
        Random random = new Random(2);
        List<Long> bits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bits.add(8L * (408 + random.nextInt(464 - 408)));
            bits.add(8L * block + random.nextInt(104 * 8));
            bits.add(descriptors * 8 + random.nextInt(24 * 64 * 8));
        }
        flips(copy, bits);
    }

    private static void flips(Path copy, List<Long> bits) throws Exception {
        for (long bit : bits) {
            flip(copy, bit);
            commands(copy, false);
            flip(copy, bit);
        }
        Files.delete(copy);
    }

    private static void flip(Path file, long bit) throws IOException {
        byte[] b = HostileFiles.read(file, bit / 8, 1);
        b[0] ^= (byte) (1 << (bit % 8));
        HostileFiles.write(file, bit / 8, b);
    }

    /** Header fields set to values near 2^63 or 2^64, segments that overlap or lie outside the file. */
    @Test
    void absurdElfSizesCountsAndSegments() throws Exception {
        Path source = Corpus.dump(SET, "vmcore-qemu.elf");
        HostileFiles.Elf elf = HostileFiles.Elf.of(source);
        Path copy = HostileFiles.prefix(source, dir.resolve("absurd.elf"), Long.MAX_VALUE);
        int load = elf.firstLoad();
        long huge = 0x7fff_ffff_ffff_f000L;
        List<long[]> patches = List.of(
                new long[] {56, 2, 0xffff},                            // e_phnum: 65535 headers
                new long[] {32, 8, huge},                              // e_phoff near 2^63
                new long[] {54, 2, 0xffff},                            // e_phentsize
                new long[] {elf.field(load, 8), 8, huge},              // p_offset near 2^63
                new long[] {elf.field(load, 32), 8, huge},             // p_filesz near 2^63
                new long[] {elf.field(load, 40), 8, -1L},              // p_memsz 2^64 - 1
                new long[] {elf.field(load, 24), 8, -4096L},           // p_paddr so the segment wraps past 2^64
                new long[] {elf.field(load + 1, 24), 8, elf.phdrs().get(load)[2]},   // overlaps the first PT_LOAD
                new long[] {elf.field(load + 1, 8), 8, elf.phdrs().get(load)[1]},    // shares its file bytes
                new long[] {elf.field(elf.phdrs().indexOf(elf.note()), 32), 8, huge}, // a note segment near 2^63
                new long[] {elf.note()[1] + 4, 4, 0x7fffffff});        // the first note's n_descsz
        for (long[] p : patches) {
            byte[] saved = HostileFiles.read(copy, p[0], (int) p[1]);
            byte[] value = p[1] == 8 ? HostileFiles.u64(p[2]) : p[1] == 4 ? HostileFiles.u32((int) p[2]) : HostileFiles.u16((int) p[2]);
            HostileFiles.write(copy, p[0], value);
            commands(copy, true);
            HostileFiles.write(copy, p[0], saved);
        }
        Files.delete(copy);
    }

    @Test
    void absurdKdumpSizesAndCounts() throws Exception {
        Path source = Corpus.file(SET, "dumps/vmcore-qemu.kdump-zlib");
        Path copy = HostileFiles.prefix(source, dir.resolve("absurd.kdump"), Long.MAX_VALUE);
        ByteBuffer h = ByteBuffer.wrap(HostileFiles.read(source, 0, 8192)).order(ByteOrder.LITTLE_ENDIAN);
        int block = h.getInt(428);
        long descriptors = (long) (1 + h.getInt(432) + h.getInt(436)) * block;
        long huge = 0x7fff_ffff_ffff_f000L;
        List<long[]> patches = List.of(
                new long[] {436, 4, 0x7fffffff},          // bitmap_blocks
                new long[] {440, 4, -1},                  // max_mapnr (32-bit)
                new long[] {block + 96, 8, huge},         // max_mapnr_64 near 2^63
                new long[] {432, 4, 0x7fffffff},          // sub_hdr_size
                new long[] {428, 4, 1 << 30},             // block_size
                new long[] {456, 4, 0x7fffffff},          // nr_cpus
                new long[] {block + 40, 8, huge},         // offset_vmcoreinfo
                new long[] {block + 48, 8, huge},         // size_vmcoreinfo
                new long[] {block + 64, 8, huge},         // size_note
                new long[] {descriptors, 8, huge},        // first page's offset
                new long[] {descriptors + 8, 4, 0x7fffffff}, // first page's size
                new long[] {descriptors + 12, 4, 0x27});  // every compression flag at once
        for (long[] p : patches) {
            byte[] saved = HostileFiles.read(copy, p[0], (int) p[1]);
            HostileFiles.write(copy, p[0], p[1] == 8 ? HostileFiles.u64(p[2]) : HostileFiles.u32((int) p[2]));
            commands(copy, true);
            HostileFiles.write(copy, p[0], saved);
        }
        Files.delete(copy);
    }
}
