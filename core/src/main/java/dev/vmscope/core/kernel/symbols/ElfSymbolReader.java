package dev.vmscope.core.kernel.symbols;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the symbol table of an ELF file (a {@code vmlinux}): {@code .symtab}, or {@code .dynsym} when
 * the file is stripped, with its linked string table. Symbols get {@code nm}'s type letters: functions
 * {@code T}, objects {@code D}, absolute {@code A}, lowercase when local. Section and file symbols and
 * undefined ones are left out.
 */
final class ElfSymbolReader {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int SHN_UNDEF = 0;
    private static final int SHN_ABS = 0xfff1;
    private static final long MAX_SYMBOLS = 1L << 24;

    private record Section(int index, int type, long offset, long size, int link, long entrySize) {
    }

    private final Storage s;
    private final String file;
    private final boolean is64;
    private final ByteOrder order;

    private ElfSymbolReader(Storage s) {
        this.s = s;
        this.file = s.name();
        need(0, 16, "ELF identification");
        byte[] ident = s.read(0, 16);
        this.is64 = ident[4] == 2;
        this.order = ident[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    static boolean isElf(Storage s) {
        return s.contains(0, 4) && s.readUnsigned(0, 4, ByteOrder.BIG_ENDIAN) == 0x7f454c46L;
    }

    static List<KernelSymbol> read(Storage s, Progress progress) {
        return new ElfSymbolReader(s).symbols(progress);
    }

    private List<KernelSymbol> symbols(Progress progress) {
        List<Section> sections = sections();
        Section table = sections.stream().filter(x -> x.type() == SHT_SYMTAB).findFirst()
                .or(() -> sections.stream().filter(x -> x.type() == SHT_DYNSYM).findFirst())
                .orElseThrow(() -> new DumpFormatException(file, 0, "ELF section headers", "a .symtab or .dynsym section (the file is stripped)"));
        if (table.link() >= sections.size()) {
            throw new DumpFormatException(file, 0, "symbol table section " + table.index() + ": sh_link",
                    "a section index below " + sections.size() + ", found " + table.link());
        }
        Section strings = sections.get(table.link());
        int entrySize = is64 ? 24 : 16;
        if (table.entrySize() != entrySize) {
            throw new DumpFormatException(file, table.offset(), "symbol table: sh_entsize", entrySize + ", found " + table.entrySize());
        }
        long count = table.size() / entrySize;
        if (count > MAX_SYMBOLS) {
            throw new DumpFormatException(file, table.offset(), "symbol table", "at most " + MAX_SYMBOLS + " symbols, found " + count);
        }
        need(table.offset(), table.size(), "symbol table");
        need(strings.offset(), strings.size(), "symbol string table");
        byte[] syms = s.read(table.offset(), (int) table.size());
        byte[] names = s.read(strings.offset(), (int) strings.size());
        List<KernelSymbol> out = new ArrayList<>((int) count);
        for (int i = 1; i < count; i++) {
            int at = i * entrySize;
            long nameOffset = Bytes.u32(syms, at, order);
            int info = syms[at + (is64 ? 4 : 12)] & 0xff;
            int shndx = Bytes.u16(syms, at + (is64 ? 6 : 14), order);
            long value = is64 ? Bytes.u64(syms, at + 8, order) : Bytes.u32(syms, at + 4, order);
            int kind = info & 0xf;
            if (shndx == SHN_UNDEF || kind == 3 || kind == 4 || nameOffset >= names.length) {
                continue; // undefined, STT_SECTION, STT_FILE, or a name outside the string table
            }
            String name = cString(names, (int) nameOffset);
            if (!name.isEmpty()) {
                out.add(new KernelSymbol(name, value, letter(kind, info >>> 4, shndx)));
            }
            if ((i & 0xffff) == 0) {
                progress.update("Reading symbols", i, count);
                progress.checkCancelled();
            }
        }
        return out;
    }

    private static char letter(int kind, int bind, int shndx) {
        char c = shndx == SHN_ABS ? 'A' : kind == 2 ? 'T' : kind == 1 ? 'D' : 'T';
        return bind == 0 ? Character.toLowerCase(c) : c;
    }

    private List<Section> sections() {
        int headerSize = is64 ? 64 : 52;
        need(0, headerSize, "ELF header");
        byte[] h = s.read(0, headerSize);
        long shoff = is64 ? Bytes.u64(h, 40, order) : Bytes.u32(h, 32, order);
        int shentsize = Bytes.u16(h, is64 ? 58 : 46, order);
        int shnum = Bytes.u16(h, is64 ? 60 : 48, order);
        int expected = is64 ? 64 : 40;
        if (shnum == 0 || shentsize != expected) {
            throw new DumpFormatException(file, is64 ? 58 : 46, "ELF header: e_shentsize/e_shnum",
                    "section headers of " + expected + " bytes, found " + shnum + " of " + shentsize);
        }
        need(shoff, (long) shnum * shentsize, "section headers");
        byte[] b = s.read(shoff, shnum * shentsize);
        List<Section> out = new ArrayList<>(shnum);
        for (int i = 0; i < shnum; i++) {
            int at = i * shentsize;
            int type = (int) Bytes.u32(b, at + 4, order);
            long offset = is64 ? Bytes.u64(b, at + 24, order) : Bytes.u32(b, at + 16, order);
            long size = is64 ? Bytes.u64(b, at + 32, order) : Bytes.u32(b, at + 20, order);
            int link = (int) Bytes.u32(b, at + (is64 ? 40 : 24), order);
            long entsize = is64 ? Bytes.u64(b, at + 56, order) : Bytes.u32(b, at + 36, order);
            out.add(new Section(i, type, offset, size, link, entsize));
        }
        return out;
    }

    private void need(long offset, long length, String what) {
        if (length < 0 || length > Integer.MAX_VALUE - 8 || !s.contains(offset, length)) {
            throw new DumpFormatException(file, offset, what, length + " bytes inside the file of " + s.size() + " bytes");
        }
    }

    private static String cString(byte[] b, int from) {
        int end = from;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
