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
        Layout l = headerBytes[4] == 2 ? Layout.ELF64 : Layout.ELF32;
        long phoff = l.word(h, l.phoff);
        int phnum = Short.toUnsignedInt(h.getShort(l.phnum));
        try {
            Path partial = Files.createTempFile(out.getParent(), out.getFileName().toString(), ".partial");
            try (FileChannel c = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                long next = (headerBytes.length + 4095L) & ~4095L;
                long end = 0;
                for (int i = 0; i < phnum; i++) {
                    int at = (int) phoff + i * l.phentsize;
                    long offset = l.word(h, at + l.offset);
                    long paddr = l.word(h, at + l.paddr);
                    long filesz = l.word(h, at + l.filesz);
                    if (h.getInt(at) != 1) {
                        continue;
                    }
                    end = Math.max(end, offset + filesz);
                    if (paddr == l.noAddress) {
                        continue;
                    }
                    long to = atKernelOffsets ? offset : next;
                    copy(physical, paddr, filesz, c, to);
                    if (!atKernelOffsets) {
                        l.putWord(h, at + l.offset, to);
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

    /** Where ELF32 and ELF64 keep the fields this copy reads and rewrites. */
    private enum Layout {
        ELF32(0x1c, 0x2c, 32, 4, 12, 16, 0xffffffffL), ELF64(0x20, 0x38, 56, 8, 24, 32, -1L);

        final int phoff;
        final int phnum;
        final int phentsize;
        final int offset;
        final int paddr;
        final int filesz;
        final long noAddress;

        Layout(int phoff, int phnum, int phentsize, int offset, int paddr, int filesz, long noAddress) {
            this.phoff = phoff;
            this.phnum = phnum;
            this.phentsize = phentsize;
            this.offset = offset;
            this.paddr = paddr;
            this.filesz = filesz;
            this.noAddress = noAddress;
        }

        long word(ByteBuffer b, int at) {
            return this == ELF64 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
        }

        void putWord(ByteBuffer b, int at, long v) {
            if (this == ELF64) {
                b.putLong(at, v);
            } else {
                b.putInt(at, (int) v);
            }
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
