package dev.vmscope.core.kernel.symbols;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.testing.ByteWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A tiny ELF64 built here: header, .strtab, .symtab with a null symbol, a global function, a local
 * object, an absolute symbol, a section symbol and an undefined one, then four section headers.
 */
class ElfSymbolReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private static byte[] tinyVmlinux(int symbolEntrySize) {
        byte[] strtab = "\0_stext\0jiffies\0phys_startup_64\0printk\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] symtab = new byte[6 * 24];
        symbol(symtab, 1, 1, 0x12, 1, 0xffffffff81000000L);      // _stext: STB_GLOBAL, STT_FUNC, section 1
        symbol(symtab, 2, 8, 0x01, 1, 0xffffffff82000000L);      // jiffies: STB_LOCAL, STT_OBJECT
        symbol(symtab, 3, 16, 0x10, 0xfff1, 0x1000000L);         // phys_startup_64: global, SHN_ABS
        symbol(symtab, 4, 0, 0x03, 1, 0xffffffff81000000L);      // a section symbol
        symbol(symtab, 5, 32, 0x12, 0, 0);                        // printk, undefined
        int strOff = 64;
        int symOff = strOff + strtab.length;
        int shOff = symOff + symtab.length;
        byte[] elf = new byte[shOff + 4 * 64];
        elf[0] = 0x7f; elf[1] = 'E'; elf[2] = 'L'; elf[3] = 'F'; elf[4] = 2; elf[5] = 1; elf[6] = 1;
        ByteWriter.put(elf, 16, 2, 2, LE, "e_type EXEC");
        ByteWriter.put(elf, 18, 2, 62, LE, "e_machine x86-64");
        ByteWriter.put(elf, 40, 8, shOff, LE, "e_shoff");
        ByteWriter.put(elf, 58, 2, 64, LE, "e_shentsize");
        ByteWriter.put(elf, 60, 2, 4, LE, "e_shnum");
        System.arraycopy(strtab, 0, elf, strOff, strtab.length);
        System.arraycopy(symtab, 0, elf, symOff, symtab.length);
        section(elf, shOff + 64, 1, 0, 0, 0, 0);                               // .text (no bytes needed)
        section(elf, shOff + 128, 3, strOff, strtab.length, 0, 0);             // .strtab
        section(elf, shOff + 192, 2, symOff, symtab.length, 2, symbolEntrySize); // .symtab, linked to 2
        return elf;
    }

    private static void symbol(byte[] t, int i, int name, int info, int shndx, long value) {
        int at = i * 24;
        ByteWriter.put(t, at, 4, name, LE, "st_name");
        t[at + 4] = (byte) info;
        ByteWriter.put(t, at + 6, 2, shndx, LE, "st_shndx");
        ByteWriter.put(t, at + 8, 8, value, LE, "st_value");
    }

    private static void section(byte[] b, int at, int type, long offset, long size, int link, long entsize) {
        ByteWriter.put(b, at + 4, 4, type, LE, "sh_type");
        ByteWriter.put(b, at + 24, 8, offset, LE, "sh_offset");
        ByteWriter.put(b, at + 32, 8, size, LE, "sh_size");
        ByteWriter.put(b, at + 40, 4, link, LE, "sh_link");
        ByteWriter.put(b, at + 56, 8, entsize, LE, "sh_entsize");
    }

    @Test
    void readsFunctionsObjectsAndAbsolutesWithNmLetters() {
        List<KernelSymbol> s = ElfSymbolReader.read(new ByteArrayStorage("vmlinux", tinyVmlinux(24)), Progress.NONE);
        assertEquals(List.of(new KernelSymbol("_stext", 0xffffffff81000000L, 'T'),
                new KernelSymbol("jiffies", 0xffffffff82000000L, 'd'),
                new KernelSymbol("phys_startup_64", 0x1000000L, 'A')), s);
    }

    @Test
    void linkTimeAddressesMoveByTheDifferenceOfStextButAbsolutesStay() {
        List<KernelSymbol> s = ElfSymbolReader.read(new ByteArrayStorage("vmlinux", tinyVmlinux(24)), Progress.NONE);
        SymbolTable t = SymbolLoader.relocate("vmlinux", s,
                new SymbolLoader.Facts(java.util.OptionalLong.of(0xffffffff8f000000L), 0xe000000L));
        assertEquals(0xffffffff90000000L, t.address("jiffies").orElseThrow());
        assertEquals(0x1000000L, t.address("phys_startup_64").orElseThrow());
        assertEquals("jiffies+0x8", t.describe(0xffffffff90000008L).orElseThrow().toString());
    }

    @Test
    void aWrongEntrySizeNamesTheField() {
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> ElfSymbolReader.read(new ByteArrayStorage("vmlinux", tinyVmlinux(16)), Progress.NONE));
        assertEquals("symbol table: sh_entsize", e.structure());
    }
}
