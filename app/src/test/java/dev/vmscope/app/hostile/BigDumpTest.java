package dev.vmscope.app.hostile;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dumps that describe 64 GiB, created sparse: the corpus ELF with its last PT_LOAD stretched to end at
 * 64 GiB of file (a hole), and the corpus compressed kdump with max_mapnr for 64 GiB (bitmaps for 16 M
 * pages, the same pages present, descriptors and data moved behind the larger bitmaps). The command line
 * with a 256 MiB heap answers info, a vtop walk and an rd page; the time and the heap after the run are
 * logged for docs/performance.md (no assertion on either).
 */
class BigDumpTest {
    static final long GIB = 1L << 30;
    static final long SIZE = 64 * GIB;

    @TempDir
    Path dir;

    @Test
    void sparse64GibElf() throws Exception {
        Path source = Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf");
        Path big = HostileFiles.prefix(source, dir.resolve("big.elf"), Long.MAX_VALUE);
        HostileFiles.Elf elf = HostileFiles.Elf.of(big);
        int last = elf.phdrs().lastIndexOf(elf.loads().getLast());
        long[] load = elf.phdrs().get(last);
        long size = SIZE - load[1];
        HostileFiles.write(big, elf.field(last, 32), HostileFiles.u64(size));
        HostileFiles.write(big, elf.field(last, 40), HostileFiles.u64(size));
        try (FileChannel c = FileChannel.open(big, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(new byte[] {0}), SIZE - 1);
        }
        requireSparse(big);
        runAll("sparse 64 GiB ELF", big);
    }

    @Test
    void kdumpWithBitmapsFor64Gib() throws Exception {
        Path source = Corpus.file("x86_64-6.1-qemu-live", "dumps/vmcore-qemu.kdump-zlib");
        Path big = dir.resolve("big.kdump");
        ByteBuffer h = ByteBuffer.wrap(HostileFiles.read(source, 0, 8192)).order(ByteOrder.LITTLE_ENDIAN);
        int block = h.getInt(428);
        int subBlocks = h.getInt(432);
        int oldBitmapBlocks = h.getInt(436);
        long pages = SIZE / 4096;
        int half = (int) (pages / 8 / block);
        long oldDescriptors = (long) (1 + subBlocks + oldBitmapBlocks) * block;
        long newDescriptors = (long) (1 + subBlocks + 2 * half) * block;
        long shift = newDescriptors - oldDescriptors;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate((1 + subBlocks) * block).order(ByteOrder.LITTLE_ENDIAN);
            in.read(head, 0);
            head.putInt(436, 2 * half).putInt(440, (int) Math.min(pages, Integer.MAX_VALUE)).putLong(block + 96, pages);
            out.write(head.flip(), 0);
            long oldHalf = (long) oldBitmapBlocks / 2 * block;
            in.transferTo((long) (1 + subBlocks) * block, oldHalf, out.position((long) (1 + subBlocks) * block));
            in.transferTo((long) (1 + subBlocks) * block + oldHalf, oldHalf, out.position((long) (1 + subBlocks + half) * block));
            long dumped = 0;
            ByteBuffer bitmap = ByteBuffer.allocate((int) oldHalf);
            in.read(bitmap, (long) (1 + subBlocks) * block + oldHalf);
            for (byte b : bitmap.array()) {
                dumped += Integer.bitCount(b & 0xff);
            }
            ByteBuffer d = ByteBuffer.allocate((int) (24 * dumped)).order(ByteOrder.LITTLE_ENDIAN);
            in.read(d, oldDescriptors);
            for (int i = 0; i < dumped; i++) {
                d.putLong(24 * i, d.getLong(24 * i) + shift);
            }
            out.write(d.flip(), newDescriptors);
            long data = oldDescriptors + 24 * dumped;
            in.transferTo(data, in.size() - data, out.position(data + shift));
        }
        runAll("compressed kdump, max_mapnr 16 M (64 GiB)", big);
    }

    private static void requireSparse(Path file) throws IOException {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] blocks = new String(stat.getInputStream().readAllBytes()).trim().split(" ");
        long allocated;
        try {
            allocated = stat.waitFor() == 0 ? Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]) : Long.MAX_VALUE;
        } catch (InterruptedException | NumberFormatException e) {
            allocated = Long.MAX_VALUE;
        }
        Assumptions.assumeTrue(allocated < Files.size(file) / 2,
                "the file system under " + file.getParent() + " does not keep sparse files sparse (" + allocated + " bytes allocated)");
    }

    private void runAll(String what, Path big) throws Exception {
        String f = big.toString();
        String[][] commands = {{"info", f}, {"vtop", f, "0xffffffff8f000000"}, {"rd", f, "0xffff8c9b00001000", "--length", "4096"}};
        for (String[] c : commands) {
            Path gc = dir.resolve("gc.log");
            CliRun r = CliRun.run(dir, List.of("-Xmx256m", "-Xlog:gc*=info:file=" + gc), c);
            r.assertHonest(f);
            assertEquals(0, r.status(), r.what() + ": " + r.err());
            assertTrue(!r.out().isEmpty());
            String log = Files.readString(gc);
            System.out.printf("big dump | %s | %s | %d ms | peak heap %s | GC pauses %d | file %d GiB%n", what, c[0], r.millis(), peak(log),
                    log.lines().filter(l -> l.matches(".*\\d+M->\\d+M\\(.*")).count(), Files.size(big) >> 30);
            Files.delete(gc);
        }
    }

    /** The largest heap occupancy the log shows: before any collection, or used at exit. */
    static String peak(String log) {
        long max = 0;
        Matcher m = Pattern.compile("(\\d+)M->\\d+M\\(").matcher(log);
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)) << 20);
        }
        Matcher exit = Pattern.compile("garbage-first heap\\s+total (?:reserved )?(\\d+)K, (?:committed \\d+K, )?used (\\d+)K").matcher(log);
        while (exit.find()) {
            max = Math.max(max, Long.parseLong(exit.group(2)) << 10);
        }
        return (max >> 20) + " MiB";
    }
}
