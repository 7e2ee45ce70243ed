package dev.vmscope.core.testing.kdump;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A real dump's memory written as a LiME file (one range per run of present memory, as LiME writes one
 * per "System RAM" line) or as a raw image from the lowest present address, streamed to a file.
 */
public final class ImageOfDump {
    private ImageOfDump() {
    }

    public static Path lime(Dump dump, Path out) {
        try (FileChannel c = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long at = 0;
            for (MemoryRange r : present(dump)) {
                ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
                h.putInt((int) ImageWriter.LIME_MAGIC).putInt(1).putLong(r.start()).putLong(r.end() - 1).putLong(0).flip();
                at += write(c, h, at);
                at += copy(dump, r, c, at);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw image of the memory from the lowest present address (the image's base) up. */
    public static Path raw(Dump dump, Path out) {
        try (FileChannel c = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long base = base(dump);
            for (MemoryRange r : present(dump)) {
                copy(dump, r, c, r.start() - base);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long base(Dump dump) {
        return present(dump).getFirst().start();
    }

    private static List<MemoryRange> present(Dump dump) {
        return dump.memory().ranges().stream().filter(r -> r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO).toList();
    }

    private static long copy(Dump dump, MemoryRange r, FileChannel c, long at) throws IOException {
        byte[] buf = new byte[1 << 20];
        for (long done = 0; done < r.size(); ) {
            int n = (int) Math.min(buf.length, r.size() - done);
            dump.memory().read(r.start() + done, buf, 0, n);
            done += write(c, ByteBuffer.wrap(buf, 0, n), at + done);
        }
        return r.size();
    }

    private static long write(FileChannel c, ByteBuffer b, long at) throws IOException {
        long n = 0;
        while (b.hasRemaining()) {
            n += c.write(b, at + n);
        }
        return n;
    }
}
