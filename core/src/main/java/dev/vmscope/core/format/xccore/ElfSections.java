package dev.vmscope.core.format.xccore;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section headers of an ELF64 core that has sections and no program headers, the shape of an
 * {@code xl dump-core} file ({@code tools/libs/guest/xg_core.c}: {@code e_phnum} 0, section headers
 * right after the ELF header, names in {@code .shstrtab}). Every offset and size is checked against the file.
 */
final class ElfSections {
    static final int HEADER = 64;
    static final int SECTION_HEADER = 64;
    /** xc_core writes about six sections; a table much larger than this is not one of its files. */
    static final int MAX_SECTIONS = 1024;
    /** xc_core's string table is indexed by 16 bits. */
    static final int MAX_STRINGS = 1 << 16;

    private final List<ElfSection> sections;
    private final ByteOrder order;
    private final long tableOffset;

    private ElfSections(List<ElfSection> sections, ByteOrder order, long tableOffset) {
        this.sections = List.copyOf(sections);
        this.order = order;
        this.tableOffset = tableOffset;
    }

    /** Whether the file looks like a section-only ELF64 core at all; never throws. */
    static boolean sectionOnlyCore(Storage s) {
        if (!s.contains(0, HEADER)) {
            return false;
        }
        byte[] h = s.read(0, HEADER);
        if (h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F' || h[4] != 2 || (h[5] != 1 && h[5] != 2)) {
            return false;
        }
        ByteOrder o = h[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return Bytes.u16(h, 16, o) == 4 && Bytes.u16(h, 56, o) == 0 && Bytes.u16(h, 60, o) > 0 && Bytes.u64(h, 40, o) != 0;
    }

    /** The section headers and their names, every range checked against the file. */
    static ElfSections read(Storage s) {
        return read(s, false);
    }

    /**
     * @param lenient for probing: section ranges are not checked, and names read as empty when the name
     *                table lies outside the file (a truncated file still shows what it is)
     */
    static ElfSections read(Storage s, boolean lenient) {
        String file = s.name();
        byte[] h = s.read(0, HEADER);
        ByteOrder o = h[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        long shoff = Bytes.u64(h, 40, o);
        int shentsize = Bytes.u16(h, 58, o);
        int shnum = Bytes.u16(h, 60, o);
        int shstrndx = Bytes.u16(h, 62, o);
        if (shentsize != SECTION_HEADER) {
            throw new DumpFormatException(file, 58, "ELF header: e_shentsize", SECTION_HEADER + " for ELF64, found " + shentsize);
        }
        if (shnum > MAX_SECTIONS || shoff < 0 || !s.contains(shoff, (long) shnum * SECTION_HEADER)) {
            throw new DumpFormatException(file, 40, "ELF header: e_shoff/e_shnum", "at most " + MAX_SECTIONS
                    + " section headers inside the file, found " + shnum + " at " + Hex.of(shoff));
        }
        if (shstrndx == 0 || shstrndx >= shnum) {
            throw new DumpFormatException(file, 62, "ELF header: e_shstrndx", "the index of .shstrtab below e_shnum "
                    + shnum + ", found " + shstrndx);
        }
        byte[] table = s.read(shoff, shnum * SECTION_HEADER);
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int at = i * SECTION_HEADER;
            raw.add(new long[] {Bytes.u32(table, at, o), Bytes.u32(table, at + 4, o), Bytes.u64(table, at + 24, o),
                    Bytes.u64(table, at + 32, o), Bytes.u64(table, at + 56, o)});
            if (!lenient) {
                check(s, i, shoff + at, raw.getLast());
            }
        }
        long[] strtab = raw.get(shstrndx);
        if (strtab[3] > MAX_STRINGS) {
            throw new DumpFormatException(file, shoff + (long) shstrndx * SECTION_HEADER + 32, "section " + shstrndx + " (.shstrtab): sh_size",
                    "at most " + Hex.of(MAX_STRINGS) + " bytes of names, found " + Hex.of(strtab[3]));
        }
        byte[] names = lenient && !s.contains(strtab[2], strtab[3]) ? new byte[1] : s.read(strtab[2], (int) strtab[3]);
        List<ElfSection> out = new ArrayList<>();
        for (int i = 1; i < shnum; i++) {
            long[] r = raw.get(i);
            long at = shoff + (long) i * SECTION_HEADER;
            if (r[0] >= names.length && lenient) {
                out.add(new ElfSection(i, "", r[1], r[2], r[3], r[4], at));
                continue;
            }
            if (r[0] >= names.length) {
                throw new DumpFormatException(file, at, "section " + i + ": sh_name", "an offset inside .shstrtab (size "
                        + Hex.of(names.length) + "), found " + Hex.of(r[0]));
            }
            out.add(new ElfSection(i, Bytes.cString(names, (int) r[0], names.length), r[1], r[2], r[3], r[4], at));
        }
        return new ElfSections(out, o, shoff);
    }

    private static void check(Storage s, int index, long at, long[] r) {
        if (index == 0 || r[1] == ElfSection.SHT_NOBITS) {
            return;
        }
        if (r[2] < 0 || r[3] < 0 || !s.contains(r[2], r[3])) {
            throw new DumpFormatException(s.name(), at + 24, "section " + index + ": sh_offset + sh_size",
                    "a range inside the file (size " + Hex.of(s.size()) + "), found " + Hex.of(r[2]) + " + " + Hex.of(r[3]));
        }
    }

    ByteOrder order() {
        return order;
    }

    List<ElfSection> all() {
        return sections;
    }

    Optional<ElfSection> find(String name) {
        return sections.stream().filter(x -> x.name().equals(name)).findFirst();
    }

    ElfSection require(String name, String file, String why) {
        return find(name).orElseThrow(() -> new DumpFormatException(file, tableOffset, "xl dump-core section headers",
                "a section named " + name + " (" + why + ")"));
    }
}
