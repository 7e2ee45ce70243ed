package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * /proc/kcore as the kernel synthesizes it on each read: the real ELF header of the corpus machine
 * ({@code truth/kcore.header.bin}: its program headers and notes), and at each PT_LOAD's file offset
 * the bytes of the physical memory its {@code p_paddr} names. Like the kernel's file it is ~128 TiB
 * long (offsets follow virtual addresses), which no test file system would hold even sparse; segments
 * without a physical address read as zeros.
 */
final class SyntheticKcore implements PositionalStorage.Source {
    private static final int PT_LOAD = 1;
    private static final int PT_NOTE = 4;

    /** One program header: file range, physical address (-1 for none). */
    private record Load(long offset, long size, long paddr) {
    }

    private final String name;
    private final byte[] header;
    private final List<Load> loads;
    private final FileChannel memory;
    private final long size;

    SyntheticKcore(Path path, byte[] header, Path memoryImage) throws IOException {
        this.name = path.toString();
        this.header = header.clone();
        this.loads = loads(this.header);
        this.memory = FileChannel.open(memoryImage, StandardOpenOption.READ);
        this.size = loads.stream().mapToLong(l -> l.offset + l.size).max().orElse(header.length);
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static List<Load> loads(byte[] header) {
        ByteBuffer b = le(header);
        long phoff = b.getLong(32);
        int count = b.getShort(56) & 0xffff;
        List<Load> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = (int) phoff + i * 56;
            if (b.getInt(at) == PT_LOAD) {
                out.add(new Load(b.getLong(at + 8), b.getLong(at + 32), b.getLong(at + 24)));
            }
        }
        return out;
    }

    /** The header with every PT_LOAD's p_paddr set to -1, as kernels before 4.11 wrote it. */
    static byte[] withoutPhysicalAddresses(byte[] header) {
        byte[] copy = header.clone();
        ByteBuffer b = le(copy);
        int count = b.getShort(56) & 0xffff;
        for (int i = 0; i < count; i++) {
            int at = (int) b.getLong(32) + i * 56;
            if (b.getInt(at) == PT_LOAD) {
                b.putLong(at + 24, -1L);
            }
        }
        return copy;
    }

    /** The header with the VMCOREINFO note cut from the note segment, as kernels before 4.19 wrote it. */
    static byte[] withoutVmcoreinfoNote(byte[] header) {
        byte[] copy = header.clone();
        ByteBuffer b = le(copy);
        int count = b.getShort(56) & 0xffff;
        for (int i = 0; i < count; i++) {
            int at = (int) b.getLong(32) + i * 56;
            if (b.getInt(at) != PT_NOTE) {
                continue;
            }
            int start = (int) b.getLong(at + 8);
            int end = start + (int) b.getLong(at + 32);
            for (int note = start; note + 12 <= end; ) {
                int namesz = b.getInt(note);
                int descsz = b.getInt(note + 4);
                String owner = new String(copy, note + 12, Math.max(0, namesz - 1), java.nio.charset.StandardCharsets.US_ASCII);
                int next = note + 12 + align4(namesz) + align4(descsz);
                if (owner.equals("VMCOREINFO")) {
                    Arrays.fill(copy, note, next, (byte) 0);
                    b.putLong(at + 32, note - start);
                    break;
                }
                note = next;
            }
        }
        return copy;
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        if (position >= size) {
            return -1;
        }
        if (position < header.length) {
            int n = (int) Math.min(length, header.length - position);
            System.arraycopy(header, (int) position, dst, dstOffset, n);
            return n;
        }
        long nextStart = size;
        for (Load l : loads) {
            if (position >= l.offset && position < l.offset + l.size) {
                int n = (int) Math.min(length, l.offset + l.size - position);
                if (l.paddr == -1) {
                    Arrays.fill(dst, dstOffset, dstOffset + n, (byte) 0);
                    return n;
                }
                return physical(l.paddr + (position - l.offset), dst, dstOffset, n);
            }
            if (l.offset > position) {
                nextStart = Math.min(nextStart, l.offset);
            }
        }
        int n = (int) Math.min(length, nextStart - position);
        Arrays.fill(dst, dstOffset, dstOffset + n, (byte) 0);
        return n;
    }

    private int physical(long address, byte[] dst, int dstOffset, int length) throws IOException {
        int n = memory.read(ByteBuffer.wrap(dst, dstOffset, length), address);
        if (n < length) {
            Arrays.fill(dst, dstOffset + Math.max(n, 0), dstOffset + length, (byte) 0);
        }
        return length;
    }

    @Override
    public void close() throws IOException {
        memory.close();
    }
}
