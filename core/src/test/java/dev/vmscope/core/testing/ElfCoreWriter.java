package dev.vmscope.core.testing;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link DumpSpec} as an ELF core file, laid out as the System V ABI's "Object Files"
 * chapter says: the file header, the program headers (the PT_NOTE first, then each PT_LOAD), the
 * notes (each {@code namesz, descsz, type}, then name and descriptor each padded to 4 bytes), then each
 * segment's file bytes at the spec's alignment, and, with extended numbering, one section header.
 */
public final class ElfCoreWriter {
    private static final int PT_LOAD = 1;
    private static final int PT_NOTE = 4;
    private static final int PF_RWX = 7;
    private static final int PN_XNUM = 0xffff;

    private ElfCoreWriter() {
    }

    /**
     * The bytes of a written core file and where its parts are, so tests can cut or corrupt them.
     *
     * @param noteOffsets file offset of each note's header
     * @param loadOffsets file offset of each PT_LOAD's data
     * @param shoff       file offset of section header 0, or 0 when there is none
     */
    public record Image(byte[] bytes, int headerSize, long phoff, int phentsize, int phnum, long notesOffset,
                        long notesSize, List<Long> noteOffsets, List<Long> loadOffsets, long shoff) {
        public Image {
            noteOffsets = List.copyOf(noteOffsets);
            loadOffsets = List.copyOf(loadOffsets);
        }

        /** A copy of the file's bytes. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int size() {
            return bytes.length;
        }

        /** File offset of the {@code i}-th program header. */
        public long programHeader(int i) {
            return phoff + (long) i * phentsize;
        }
    }

    private record EncodedNote(String name, long type, byte[] descriptor) {
        int size() {
            return 12 + pad4(name.length() + 1) + pad4(descriptor.length);
        }
    }

    public static Image write(DumpSpec spec) {
        DumpSpec.Elf elf = spec.elf();
        List<EncodedNote> notes = spec.notes().stream().map(n -> encode(n, elf)).toList();
        int headerSize = elf.is64() ? 64 : 52;
        int phentsize = elf.is64() ? 56 : 32;
        int phnum = (notes.isEmpty() ? 0 : 1) + spec.loads().size();
        long phoff = phnum == 0 ? 0 : headerSize;
        long notesOffset = headerSize + (long) phnum * phentsize;
        long notesSize = notes.stream().mapToLong(EncodedNote::size).sum();
        long cursor = notesOffset + notesSize;
        List<Long> loadOffsets = new ArrayList<>();
        for (DumpSpec.Load l : spec.loads()) {
            cursor = alignUp(cursor, elf.align());
            loadOffsets.add(cursor);
            cursor += l.fileSize();
        }
        long shoff = 0;
        if (elf.extendedNumbering()) {
            shoff = alignUp(cursor, 8);
            cursor = shoff + (elf.is64() ? 64 : 40);
        }
        if (cursor > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a test dump must stay below 2 GiB of file bytes");
        }
        byte[] out = new byte[(int) cursor];
        Fields f = new Fields(out, elf);
        writeHeader(f, elf, phoff, shoff, phnum, phentsize, headerSize);
        List<Long> noteOffsets = writeNotes(f, notes, notesOffset);
        int ph = 0;
        if (!notes.isEmpty()) {
            writeProgramHeader(f, phoff, elf, PT_NOTE, 0, notesOffset, 0, 0, notesSize, notesSize, 0);
            ph++;
        }
        for (int i = 0; i < spec.loads().size(); i++) {
            DumpSpec.Load l = spec.loads().get(i);
            long at = loadOffsets.get(i);
            Arrays.fill(out, (int) at, (int) (at + l.fileSize()), l.fill());
            writeProgramHeader(f, phoff + (long) ph++ * phentsize, elf, PT_LOAD, PF_RWX, at, l.vaddr(), l.paddr(),
                    l.fileSize(), l.memSize(), elf.align() == 1 ? 0 : elf.align());
        }
        for (DumpSpec.Poke p : spec.pokes()) {
            poke(out, spec.loads(), loadOffsets, p);
        }
        if (elf.extendedNumbering()) {
            f.u32(shoff + (elf.is64() ? 44 : 28), phnum);
        }
        return new Image(out, headerSize, phoff, phentsize, phnum, notesOffset, notesSize, noteOffsets, loadOffsets,
                shoff);
    }

    private static void writeHeader(Fields f, DumpSpec.Elf elf, long phoff, long shoff, int phnum, int phentsize,
                                    int headerSize) {
        byte[] ident = {0x7f, 'E', 'L', 'F', (byte) (elf.is64() ? 2 : 1),
                (byte) (elf.order() == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1};
        System.arraycopy(ident, 0, f.out, 0, ident.length);
        f.u16(16, elf.type());
        f.u16(18, elf.machine());
        f.u32(20, 1);
        boolean b64 = elf.is64();
        f.word(b64 ? 32 : 28, phoff);
        f.word(b64 ? 40 : 32, shoff);
        f.u16(b64 ? 52 : 40, headerSize);
        f.u16(b64 ? 54 : 42, phentsize);
        f.u16(b64 ? 56 : 44, elf.extendedNumbering() ? PN_XNUM : phnum);
        if (elf.extendedNumbering()) {
            f.u16(b64 ? 58 : 46, b64 ? 64 : 40);
            f.u16(b64 ? 60 : 48, 1);
        }
    }

    private static void writeProgramHeader(Fields f, long at, DumpSpec.Elf elf, int type, int flags, long offset,
                                           long vaddr, long paddr, long filesz, long memsz, long align) {
        if (elf.is64()) {
            f.u32(at, type);
            f.u32(at + 4, flags);
            f.word(at + 8, offset);
            f.word(at + 16, vaddr);
            f.word(at + 24, paddr);
            f.word(at + 32, filesz);
            f.word(at + 40, memsz);
            f.word(at + 48, align);
        } else {
            f.u32(at, type);
            f.word(at + 4, offset);
            f.word(at + 8, vaddr);
            f.word(at + 12, paddr);
            f.word(at + 16, filesz);
            f.word(at + 20, memsz);
            f.u32(at + 24, flags);
            f.word(at + 28, align);
        }
    }

    private static List<Long> writeNotes(Fields f, List<EncodedNote> notes, long offset) {
        List<Long> starts = new ArrayList<>();
        long at = offset;
        for (EncodedNote n : notes) {
            starts.add(at);
            byte[] name = n.name().getBytes(StandardCharsets.ISO_8859_1);
            f.u32(at, name.length + 1L);
            f.u32(at + 4, n.descriptor().length);
            f.u32(at + 8, n.type());
            System.arraycopy(name, 0, f.out, (int) at + 12, name.length);
            long desc = at + 12 + pad4(name.length + 1);
            System.arraycopy(n.descriptor(), 0, f.out, (int) desc, n.descriptor().length);
            at += n.size();
        }
        return starts;
    }

    private static void poke(byte[] out, List<DumpSpec.Load> loads, List<Long> offsets, DumpSpec.Poke p) {
        byte[] data = p.bytes();
        for (int i = 0; i < loads.size(); i++) {
            DumpSpec.Load l = loads.get(i);
            if (l.holdsInFile(p.address(), data.length)) {
                System.arraycopy(data, 0, out, (int) (offsets.get(i) + p.address() - l.paddr()), data.length);
                return;
            }
        }
        throw new IllegalArgumentException(p.origin() + ": physical 0x" + Long.toHexString(p.address()) + " + "
                + data.length + " bytes is not inside the file part of one PT_LOAD");
    }

    private static EncodedNote encode(NoteSpec note, DumpSpec.Elf elf) {
        return switch (note) {
            case NoteSpec.Prstatus p -> new EncodedNote("CORE", 1,
                    NoteLayouts.prstatus(elf.machine()).encode(p.fields(), elf.order()));
            case NoteSpec.QemuCpuState q -> new EncodedNote("QEMU", 0,
                    Arrays.copyOf(NoteLayouts.QEMU_CPU_STATE.encode(q.fields(), elf.order()), q.length()));
            case NoteSpec.VmcoreInfoText v -> new EncodedNote("VMCOREINFO", 0,
                    v.text().getBytes(StandardCharsets.ISO_8859_1));
            case NoteSpec.Raw r -> new EncodedNote(r.name(), r.type(), r.descriptor());
        };
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static long alignUp(long value, int align) {
        return (value + align - 1) & -(long) align;
    }

    /** Writes the header fields of one file in its byte order; a "word" is 4 or 8 bytes by ELF class. */
    private record Fields(byte[] out, DumpSpec.Elf elf) {
        void u16(long at, long v) {
            ByteWriter.put(out, (int) at, 2, v, elf.order(), "ELF field at " + at);
        }

        void u32(long at, long v) {
            ByteWriter.put(out, (int) at, 4, v, elf.order(), "ELF field at " + at);
        }

        void word(long at, long v) {
            ByteWriter.put(out, (int) at, elf.wordSize(), v, elf.order(), "ELF field at " + at);
        }
    }
}
