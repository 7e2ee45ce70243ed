package dev.vmscope.core.format.elf;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.notes.ElfNote;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a note segment into notes: {@code namesz, descsz, type}, name and descriptor each padded to 4 bytes. */
public final class ElfNotes {
    /** A note segment larger than this is not a dump's (kernel notes are a few KiB per CPU). */
    public static final int MAX_NOTE_SEGMENT = 64 << 20;

    private ElfNotes() {
    }

    /** The notes of every PT_NOTE segment, in file order; each segment is checked against the file and capped in size. */
    public static List<ElfNote> read(dev.vmscope.core.io.Storage s, ElfHeader h, List<ProgramHeader> phdrs) {
        List<ElfNote> notes = new ArrayList<>();
        for (ProgramHeader p : phdrs) {
            if (p.type() != ProgramHeader.PT_NOTE) {
                continue;
            }
            if (p.filesz() > MAX_NOTE_SEGMENT) {
                throw new DumpFormatException(s.name(), p.offset(), "ELF program header " + p.index() + " (PT_NOTE): p_filesz",
                        "a note segment of at most " + Hex.of(MAX_NOTE_SEGMENT) + " bytes, found " + Hex.of(p.filesz()));
            }
            notes.addAll(parse(s.read(p.offset(), (int) p.filesz()), p.offset(), h.byteOrder(), s.name()));
        }
        return notes;
    }

    /**
     * @param data       the segment's bytes
     * @param baseOffset the segment's offset in the file, for messages
     */
    public static List<ElfNote> parse(byte[] data, long baseOffset, ByteOrder order, String file) {
        List<ElfNote> notes = new ArrayList<>();
        int at = 0;
        while (at + 12 <= data.length) {
            long namesz = Bytes.u32(data, at, order);
            long descsz = Bytes.u32(data, at + 4, order);
            long type = Bytes.u32(data, at + 8, order);
            if (namesz == 0 && descsz == 0 && type == 0) {
                break; // zero padding after the last note (kexec reserves room for notes)
            }
            long nameEnd = at + 12L + align4(namesz);
            long descEnd = nameEnd + align4(descsz);
            if (namesz > data.length || descsz > data.length || nameEnd > data.length || nameEnd + descsz > data.length) {
                throw new DumpFormatException(file, baseOffset + at, "ELF note " + notes.size() + ": n_namesz/n_descsz",
                        "a note inside its segment of " + Hex.of(data.length) + " bytes, found name size "
                                + Hex.of(namesz) + " and descriptor size " + Hex.of(descsz));
            }
            int nameLength = (int) namesz;
            while (nameLength > 0 && data[at + 12 + nameLength - 1] == 0) {
                nameLength--;
            }
            String name = new String(data, at + 12, nameLength, StandardCharsets.ISO_8859_1);
            byte[] desc = java.util.Arrays.copyOfRange(data, (int) nameEnd, (int) (nameEnd + descsz));
            notes.add(new ElfNote(name, type, desc, baseOffset + at));
            at = (int) Math.min(descEnd, data.length);
        }
        return notes;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }
}
