package dev.vmscope.core.xen;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes small little-endian ELF64 core files for tests: a {@code PT_NOTE} and one {@code PT_LOAD} per
 * memory segment (a kdump), or section headers and no program headers (an {@code xl dump-core} file).
 */
public final class ElfWriter {
    public static final int EM_X86_64 = 62;

    /** One ELF note. */
    public record Note(String name, long type, byte[] descriptor) {
    }

    /** One section: name, type, contents. */
    public record Section(String name, int type, byte[] contents) {
    }

    public static final int SHT_PROGBITS = 1;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOTE = 7;

    private ElfWriter() {
    }

    /** Words as little-endian bytes. */
    public static byte[] words(long... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            b.putLong(w);
        }
        return b.array();
    }

    public static byte[] notes(List<Note> notes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Note n : notes) {
            byte[] name = (n.name() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(name.length).putInt(n.descriptor().length).putInt((int) n.type());
            out.writeBytes(h.array());
            out.writeBytes(pad4(name));
            out.writeBytes(pad4(n.descriptor()));
        }
        return out.toByteArray();
    }

    /** A kdump-style core: ELF header, program headers, the notes, then each segment's bytes. */
    public static byte[] core(List<Note> notes, Map<Long, byte[]> segments) {
        byte[] noteBytes = notes(notes);
        int phnum = 1 + segments.size();
        long at = 64 + 56L * phnum;
        ByteBuffer phdrs = ByteBuffer.allocate(56 * phnum).order(ByteOrder.LITTLE_ENDIAN);
        phdr(phdrs, 4, at, 0, noteBytes.length);
        long data = at + noteBytes.length;
        for (Map.Entry<Long, byte[]> s : segments.entrySet()) {
            phdr(phdrs, 1, data, s.getKey(), s.getValue().length);
            data += s.getValue().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(64, phnum, 0, 0, 0));
        out.writeBytes(phdrs.array());
        out.writeBytes(noteBytes);
        segments.values().forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * A section-only ELF core laid out as xc_core writes it: the ELF header, the section headers (null
     * first, {@code .shstrtab} last), then each section's contents in order ({@code .xen_pages} page
     * aligned), then the names.
     */
    public static byte[] sections(List<Section> sections) {
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        List<Section> all = new ArrayList<>(sections);
        all.add(new Section(".shstrtab", SHT_STRTAB, null));
        List<Integer> nameAt = new ArrayList<>();
        for (Section s : all) {
            nameAt.add(strtab.size());
            strtab.writeBytes((s.name() + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] names = strtab.toByteArray();
        long at = 64 + 64L * (all.size() + 1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<long[]> placed = new ArrayList<>();
        for (Section s : all) {
            byte[] c = s.contents() == null ? names : s.contents();
            long aligned = s.name().equals(".xen_pages") ? (at + 4095) & ~4095L : (at + 7) & ~7L;
            body.writeBytes(new byte[(int) (aligned - at)]);
            placed.add(new long[] {aligned, c.length});
            body.writeBytes(c);
            at = aligned + c.length;
        }
        ByteBuffer sh = ByteBuffer.allocate(64 * (all.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        sh.put(new byte[64]);
        for (int i = 0; i < all.size(); i++) {
            sh.putInt(nameAt.get(i)).putInt(all.get(i).type()).putLong(0).putLong(0)
                    .putLong(placed.get(i)[0]).putLong(placed.get(i)[1]).putInt(0).putInt(0).putLong(8).putLong(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(0, 0, 64, all.size() + 1, all.size()));
        out.writeBytes(sh.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void phdr(ByteBuffer b, int type, long offset, long paddr, long size) {
        b.putInt(type).putInt(type == 1 ? 7 : 0).putLong(offset).putLong(type == 1 ? paddr : 0).putLong(paddr)
                .putLong(size).putLong(size).putLong(type == 1 ? 4096 : 0);
    }

    private static byte[] header(long phoff, int phnum, long shoff, int shnum, int shstrndx) {
        ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        h.putShort((short) 4).putShort((short) EM_X86_64).putInt(1).putLong(0).putLong(phoff).putLong(shoff).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) phnum).putShort((short) 64)
                .putShort((short) shnum).putShort((short) shstrndx);
        return h.array();
    }

    private static byte[] pad4(byte[] b) {
        return java.util.Arrays.copyOf(b, (b.length + 3) & ~3);
    }
}
