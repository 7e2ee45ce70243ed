package dev.vmscope.core.testing.kdump;

import dev.vmscope.core.io.Memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Builds a saved copy of a live kernel's /proc/kcore from the header that kernel wrote (ELF header,
 * program headers and notes, as recorded in the corpus's {@code truth/kcore.header.bin}) and the
 * physical memory of a dump of the same machine: each PT_LOAD with a physical address gets the bytes of
 * {@code [p_paddr, p_paddr + p_filesz)}. The virtual-only segments (vmalloc, modules, vmemmap) keep the
 * kernel's offsets.
 */
public final class KcoreCopy {
    private static final int PHDR = 56;

    private KcoreCopy() {
    }

    /**
     * A compact copy: the saved segments follow the header, their {@code p_offset} rewritten; the others
     * point past the end of the file (not saved).
     */
    public static Path compact(byte[] header, Memory physical, Path out) {
        return write(header, physical, out, false);
    }

    /**
     * A copy at the kernel's own offsets (128 TiB long on x86-64, sparse), as {@code cp --sparse} of
     * /proc/kcore would leave it; needs a file system that allows such files (tmpfs, XFS).
     */
    public static Path sparse(byte[] header, Memory physical, Path out) {
        return write(header, physical, out, true);
    }

    private static Path write(byte[] headerBytes, Memory physical, Path out, boolean atKernelOffsets) {
        ByteBuffer h = ByteBuffer.wrap(headerBytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = h.getLong(0x20);
        int phnum = Short.toUnsignedInt(h.getShort(0x38));
        try {
            Path partial = Files.createTempFile(out.getParent(), out.getFileName().toString(), ".partial");
            try (FileChannel c = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                long next = (headerBytes.length + 4095L) & ~4095L;
                long end = 0;
                for (int i = 0; i < phnum; i++) {
                    int at = (int) phoff + i * PHDR;
                    long offset = h.getLong(at + 8);
                    long paddr = h.getLong(at + 24);
                    long filesz = h.getLong(at + 32);
                    if (h.getInt(at) != 1) {
                        continue;
                    }
                    end = Math.max(end, offset + filesz);
                    if (paddr == -1) {
                        continue;
                    }
                    long to = atKernelOffsets ? offset : next;
                    copy(physical, paddr, filesz, c, to);
                    if (!atKernelOffsets) {
                        h.putLong(at + 8, to);
                        next = (to + filesz + 4095) & ~4095L;
                    }
                }
                c.write(ByteBuffer.wrap(h.array()), 0);
                if (atKernelOffsets && c.size() < end) {
                    c.write(ByteBuffer.wrap(new byte[1]), end - 1);
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Memory physical, long paddr, long size, FileChannel c, long at) throws IOException {
        byte[] buf = new byte[1 << 20];
        for (long done = 0; done < size; ) {
            int n = (int) Math.min(buf.length, size - done);
            physical.read(paddr + done, buf, 0, n);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            long pos = at + done;
            while (b.hasRemaining()) {
                pos += c.write(b, pos);
            }
            done += n;
        }
    }
}
