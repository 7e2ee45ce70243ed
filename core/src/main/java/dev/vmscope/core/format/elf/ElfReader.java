package dev.vmscope.core.format.elf;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ELF header and program headers of a core file, checking every size and offset against
 * the file before using it. Works for ELF32 and ELF64 in either byte order, and for files with more
 * than 65,534 program headers ({@code PN_XNUM}).
 */
public final class ElfReader {
    /** No dump has more segments than this; a larger count is corruption, not a reason to allocate. */
    static final long MAX_PROGRAM_HEADERS = 1L << 24;
    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};

    private ElfReader() {
    }

    /** Whether the storage starts with the ELF magic. */
    public static boolean isElf(Storage storage) {
        if (!storage.contains(0, 4)) {
            return false;
        }
        byte[] b = storage.read(0, 4);
        return java.util.Arrays.equals(b, MAGIC);
    }

    public static ElfHeader readHeader(Storage s) {
        String file = s.name();
        if (!s.contains(0, 52)) {
            throw new DumpFormatException(file, s.size(), "ELF header", "at least 52 bytes of header, the file ends first");
        }
        byte[] ident = s.read(0, 16);
        boolean is64 = switch (ident[4]) {
            case 1 -> false;
            case 2 -> true;
            default -> throw new DumpFormatException(file, 4, "ELF header: EI_CLASS",
                    "1 (ELF32) or 2 (ELF64), found " + ident[4]);
        };
        ByteOrder order = switch (ident[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw new DumpFormatException(file, 5, "ELF header: EI_DATA",
                    "1 (little-endian) or 2 (big-endian), found " + ident[5]);
        };
        int headerSize = is64 ? 64 : 52;
        if (!s.contains(0, headerSize)) {
            throw new DumpFormatException(file, s.size(), "ELF header", headerSize + " bytes, the file ends first");
        }
        byte[] h = s.read(0, headerSize);
        int type = Bytes.u16(h, 16, order);
        int machine = Bytes.u16(h, 18, order);
        long phoff = is64 ? Bytes.u64(h, 32, order) : Bytes.u32(h, 28, order);
        long shoff = is64 ? Bytes.u64(h, 40, order) : Bytes.u32(h, 32, order);
        int phentsize = Bytes.u16(h, is64 ? 54 : 42, order);
        long phnum = Bytes.u16(h, is64 ? 56 : 44, order);
        int shentsize = Bytes.u16(h, is64 ? 58 : 46, order);
        int shnum = Bytes.u16(h, is64 ? 60 : 48, order);
        int expectedPhent = is64 ? 56 : 32;
        if (phnum != 0 && phentsize != expectedPhent) {
            throw new DumpFormatException(file, is64 ? 54 : 42, "ELF header: e_phentsize",
                    expectedPhent + " for " + (is64 ? "ELF64" : "ELF32") + ", found " + phentsize);
        }
        if (phnum == ElfHeader.PN_XNUM) {
            phnum = extendedProgramHeaderCount(s, is64, order, shoff, shentsize);
        }
        return new ElfHeader(is64, order, type, machine, phoff, phentsize, phnum, shoff, shentsize, shnum);
    }

    /** With {@code PN_XNUM}, the real count is {@code sh_info} of section header 0. */
    private static long extendedProgramHeaderCount(Storage s, boolean is64, ByteOrder order, long shoff, int shentsize) {
        int need = is64 ? 64 : 40;
        if (shoff == 0 || shentsize < need || !s.contains(shoff, need)) {
            throw new DumpFormatException(s.name(), where(s, shoff, is64 ? 40 : 32), "ELF section header 0 (e_phnum is PN_XNUM)",
                    "a section header inside the file holding the program header count in sh_info, found e_shoff "
                            + Hex.of(shoff) + " and e_shentsize " + shentsize);
        }
        byte[] sh = s.read(shoff, need);
        return Bytes.u32(sh, is64 ? 44 : 28, order);
    }

    /** The offset a table error is reported at: the table's when it lies in the file, else the header field's. */
    private static long where(Storage s, long tableOffset, int fieldOffset) {
        return tableOffset >= 0 && tableOffset <= s.size() ? tableOffset : fieldOffset;
    }

    public static List<ProgramHeader> readProgramHeaders(Storage s, ElfHeader h) {
        return readProgramHeaders(s, h, true);
    }

    /**
     * @param loadsInFile whether every PT_LOAD's file bytes must lie inside the file; a saved copy of
     *                    /proc/kcore may hold only some of its segments, and says so by ending before them
     */
    public static List<ProgramHeader> readProgramHeaders(Storage s, ElfHeader h, boolean loadsInFile) {
        String file = s.name();
        if (h.phnum() > MAX_PROGRAM_HEADERS) {
            throw new DumpFormatException(file, h.is64() ? 56 : 44, "ELF header: e_phnum",
                    "at most " + MAX_PROGRAM_HEADERS + " program headers, found " + h.phnum());
        }
        long tableSize = h.phnum() * h.phentsize();
        if (!s.contains(h.phoff(), tableSize)) {
            throw new DumpFormatException(file, where(s, h.phoff(), h.is64() ? 32 : 28), "ELF program header table (e_phoff)",
                    h.phnum() + " headers of " + h.phentsize() + " bytes inside the file (size " + Hex.of(s.size())
                            + "), found them at " + Hex.of(h.phoff()));
        }
        List<ProgramHeader> out = new ArrayList<>((int) h.phnum());
        int chunk = 4096;
        for (long first = 0; first < h.phnum(); first += chunk) {
            int n = (int) Math.min(chunk, h.phnum() - first);
            byte[] b = s.read(h.phoff() + first * h.phentsize(), n * h.phentsize());
            for (int i = 0; i < n; i++) {
                out.add(decode(b, i * h.phentsize(), (int) (first + i), h));
            }
        }
        for (ProgramHeader p : out) {
            check(s, h, p, loadsInFile);
        }
        return out;
    }

    private static ProgramHeader decode(byte[] b, int at, int index, ElfHeader h) {
        ByteOrder o = h.byteOrder();
        if (h.is64()) {
            return new ProgramHeader(index, Bytes.u32(b, at, o), Bytes.u32(b, at + 4, o), Bytes.u64(b, at + 8, o),
                    Bytes.u64(b, at + 16, o), Bytes.u64(b, at + 24, o), Bytes.u64(b, at + 32, o),
                    Bytes.u64(b, at + 40, o), Bytes.u64(b, at + 48, o));
        }
        return new ProgramHeader(index, Bytes.u32(b, at, o), Bytes.u32(b, at + 24, o), Bytes.u32(b, at + 4, o),
                Bytes.u32(b, at + 8, o), Bytes.u32(b, at + 12, o), Bytes.u32(b, at + 16, o),
                Bytes.u32(b, at + 20, o), Bytes.u32(b, at + 28, o));
    }

    private static void check(Storage s, ElfHeader h, ProgramHeader p, boolean loadsInFile) {
        if (p.type() != ProgramHeader.PT_LOAD && p.type() != ProgramHeader.PT_NOTE) {
            return;
        }
        long at = h.phoff() + (long) p.index() * h.phentsize() + (h.is64() ? 8 : 4);
        String what = "ELF program header " + p.index() + " (" + p.typeName() + ")";
        boolean mustBeInFile = loadsInFile || p.type() == ProgramHeader.PT_NOTE;
        if (mustBeInFile && (p.filesz() < 0 || p.offset() < 0 || !s.contains(p.offset(), p.filesz()))) {
            throw new DumpFormatException(s.name(), at, what + ": p_offset + p_filesz",
                    "a range inside the file (size " + Hex.of(s.size()) + "), found "
                            + Hex.of(p.offset()) + " + " + Hex.of(p.filesz()));
        }
        if (p.type() == ProgramHeader.PT_LOAD) {
            if (Long.compareUnsigned(p.filesz(), p.memsz()) > 0) {
                throw new DumpFormatException(s.name(), at, what + ": p_filesz",
                        "at most p_memsz " + Hex.of(p.memsz()) + ", found " + Hex.of(p.filesz()));
            }
            if (p.memsz() != 0 && Long.compareUnsigned(p.paddr() + p.memsz(), p.paddr()) <= 0 && p.paddr() != -1) {
                throw new DumpFormatException(s.name(), at, what + ": p_paddr + p_memsz",
                        "a range that ends below 2^64, found " + Hex.of(p.paddr()) + " + " + Hex.of(p.memsz()));
            }
        }
    }
}
