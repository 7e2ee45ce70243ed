package dev.vmscope.app.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Copies of dumps made for hostile runs: only the prefix a run needs, patched in place, cut shorter step by step. */
final class HostileFiles {
    private HostileFiles() {
    }

    /** The first {@code length} bytes of {@code source} into a new file. */
    static Path prefix(Path source, Path target, long length) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long limit = Math.min(length, in.size());
            for (long at = 0; at < limit; ) {
                at += in.transferTo(at, limit - at, out);
            }
        }
        return target;
    }

    static void truncate(Path file, long length) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(length);
        }
    }

    static byte[] read(Path file, long offset, int length) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining() && c.read(b, offset + b.position()) > 0) {
                // until full or end of file
            }
            return b.array();
        }
    }

    static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static byte[] u16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    /** The layout of a 64-bit little-endian ELF core, as far as hostile runs need it. */
    record Elf(long phoff, int phentsize, int phnum, List<long[]> phdrs) {
        static final int PT_LOAD = 1;
        static final int PT_NOTE = 4;

        static Elf of(Path file) throws IOException {
            ByteBuffer h = ByteBuffer.wrap(read(file, 0, 64)).order(ByteOrder.LITTLE_ENDIAN);
            long phoff = h.getLong(32);
            int phentsize = Short.toUnsignedInt(h.getShort(54));
            int phnum = Short.toUnsignedInt(h.getShort(56));
            ByteBuffer p = ByteBuffer.wrap(read(file, phoff, phentsize * phnum)).order(ByteOrder.LITTLE_ENDIAN);
            List<long[]> phdrs = new ArrayList<>();
            for (int i = 0; i < phnum; i++) {
                int at = i * phentsize;
                phdrs.add(new long[] {p.getInt(at), p.getLong(at + 8), p.getLong(at + 24), p.getLong(at + 32), p.getLong(at + 40)});
            }
            return new Elf(phoff, phentsize, phnum, phdrs);
        }

        /** File offset of program header {@code i}'s field at {@code field} (8 p_offset, 24 p_paddr, 32 p_filesz, 40 p_memsz). */
        long field(int i, int field) {
            return phoff + (long) i * phentsize + field;
        }

        long[] note() {
            return phdrs.stream().filter(p -> p[0] == PT_NOTE).findFirst().orElseThrow();
        }

        List<long[]> loads() {
            return phdrs.stream().filter(p -> p[0] == PT_LOAD).toList();
        }

        int firstLoad() {
            for (int i = 0; i < phnum; i++) {
                if (phdrs.get(i)[0] == PT_LOAD) {
                    return i;
                }
            }
            throw new IllegalStateException("no PT_LOAD");
        }
    }
}
