package dev.vmscope.core.format.live;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.testing.Corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The x86-64 machine of the corpus set {@code x86_64-6.1-qemu-live} as a live kernel would show it:
 * its truth files (/proc/iomem, /sys/kernel/vmcoreinfo, the /proc/kcore header) and its physical
 * memory, taken from the QEMU ELF dump and written once into a sparse image where each byte sits at
 * its physical address (only the System RAM ranges are written).
 */
public final class CorpusMachine {
    public static final String SET = "x86_64-6.1-qemu-live";
    private static final Pattern RAM_LINE = Pattern.compile("^\\s*([0-9a-f]+)-([0-9a-f]+) : System RAM$");
    private static CorpusMachine instance;

    private final Path image;
    private final List<long[]> ram;

    private CorpusMachine(Path image, List<long[]> ram) {
        this.image = image;
        this.ram = ram;
    }

    /** The machine, its memory image restored on first use into the corpus cache. */
    public static synchronized CorpusMachine get() {
        if (instance == null) {
            List<long[]> ram = systemRam(truthText("truth/iomem.txt"));
            instance = new CorpusMachine(buildImage(ram), ram);
        }
        return instance;
    }

    /** A truth file of the set as text. */
    public static String truthText(String relative) {
        try {
            return Files.readString(Corpus.file(SET, relative), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] truthBytes(String relative) {
        try {
            return Files.readAllBytes(Corpus.file(SET, relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The System RAM ranges of an iomem text as {@code [start, end)} pairs, read independently of the code under test. */
    public static List<long[]> systemRam(String iomem) {
        List<long[]> out = new ArrayList<>();
        for (String line : iomem.split("\n")) {
            Matcher m = RAM_LINE.matcher(line);
            if (m.matches()) {
                out.add(new long[] {Long.parseLong(m.group(1), 16), Long.parseLong(m.group(2), 16) + 1});
            }
        }
        return out;
    }

    /** The sparse image: byte {@code p} is physical address {@code p}. */
    public Path image() {
        return image;
    }

    public List<long[]> ram() {
        return ram;
    }

    public boolean isRam(long address) {
        return ram.stream().anyMatch(r -> address >= r[0] && address < r[1]);
    }

    private static Path buildImage(List<long[]> ram) {
        Path elf = Corpus.dump(SET, "vmcore-qemu.elf");
        Path image = elf.resolveSibling("dev-mem.image");
        if (Files.isRegularFile(image)) {
            return image;
        }
        try (Dump dump = DumpFormats.open(elf)) {
            Path partial = Files.createTempFile(image.getParent(), "dev-mem", ".partial");
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                byte[] chunk = new byte[1 << 20];
                for (long[] r : ram) {
                    for (long at = r[0]; at < r[1]; at += chunk.length) {
                        int n = (int) Math.min(chunk.length, r[1] - at);
                        dump.memory().read(at, chunk, 0, n);
                        ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
                        long position = at;
                        while (b.hasRemaining()) {
                            position += out.write(b, position);
                        }
                    }
                }
            }
            Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the physical memory image " + image, e);
        }
    }
}
