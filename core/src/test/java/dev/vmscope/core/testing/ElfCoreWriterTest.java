package dev.vmscope.core.testing;

import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer's bytes checked field by field against the System V ABI's ELF layout, without the reader
 * under test: ELF64 header e_type 16, e_machine 18, e_phoff 32, e_shoff 40, e_ehsize 52, e_phentsize 54,
 * e_phnum 56; ELF32 e_phoff 28, e_phentsize 42, e_phnum 44; Elf64_Phdr p_type 0, p_offset 8, p_paddr 24,
 * p_filesz 32, p_memsz 40; Elf32_Phdr p_offset 4, p_paddr 12, p_filesz 16, p_memsz 20.
 */
class ElfCoreWriterTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private static long at(byte[] b, long offset, int width) {
        return ByteWriter.read(b, (int) offset, width, LE);
    }

    @Test
    void elf64HeaderProgramHeadersNotesAndData() {
        ElfCoreWriter.Image img = ElfCoreWriter.write(DumpSpec.builder().align(4096)
                .load(0x100000, 0x3000, 0x1000)
                .u64(0x100008, 0x1122334455667788L, "a value")
                .prstatus(Map.of("pid", 9L))
                .vmcoreinfo("PAGESIZE=4096")
                .build());
        byte[] b = img.bytes();
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, java.util.Arrays.copyOf(b, 7));
        assertEquals(4, at(b, 16, 2));
        assertEquals(62, at(b, 18, 2));
        assertEquals(64, at(b, 32, 8));
        assertEquals(64, at(b, 52, 2));
        assertEquals(56, at(b, 54, 2));
        assertEquals(2, at(b, 56, 2));
        // PT_NOTE first, right after the two program headers
        assertEquals(4, at(b, 64, 4));
        assertEquals(64 + 2 * 56, at(b, 64 + 8, 8));
        // note 1: "CORE\0" padded to 8, a 336-byte elf_prstatus with pr_pid at 32
        long note = 64 + 2 * 56;
        assertEquals(5, at(b, note, 4));
        assertEquals(336, at(b, note + 4, 4));
        assertEquals(1, at(b, note + 8, 4));
        assertEquals("CORE", new String(b, (int) note + 12, 4));
        assertEquals(9, at(b, note + 20 + 32, 4));
        // note 2 follows: "VMCOREINFO\0" padded to 12, then the text padded to 16
        long second = note + 20 + 336;
        assertEquals(second, img.noteOffsets().get(1));
        assertEquals(11, at(b, second, 4));
        assertEquals(14, at(b, second + 4, 4), "the text with its newline");
        assertEquals("PAGESIZE=4096", new String(b, (int) second + 24, 13));
        assertEquals(second + 24 + 16 - note, at(b, 64 + 32, 8), "PT_NOTE p_filesz");
        // PT_LOAD: data at the next 4096 boundary, a zero tail of 0x2000
        long load = 64 + 56;
        assertEquals(1, at(b, load, 4));
        assertEquals(4096, at(b, load + 8, 8));
        assertEquals(0x100000, at(b, load + 24, 8));
        assertEquals(0x1000, at(b, load + 32, 8));
        assertEquals(0x3000, at(b, load + 40, 8));
        assertEquals(0x1122334455667788L, at(b, 4096 + 8, 8));
        assertEquals(4096 + 0x1000, b.length);
    }

    @Test
    void elf32Layout() {
        ElfCoreWriter.Image img = ElfCoreWriter.write(DumpSpec.builder().elf(32, DumpSpec.EM_386)
                .load(new DumpSpec.Load(0xfffc0000L, 0, 0x100, 0x100, (byte) 0x5a)).prstatus(Map.of()).build());
        byte[] b = img.bytes();
        assertEquals(1, b[4]);
        assertEquals(3, at(b, 18, 2));
        assertEquals(52, at(b, 28, 4));
        assertEquals(32, at(b, 42, 2));
        assertEquals(2, at(b, 44, 2));
        long load = 52 + 32;
        assertEquals(0xfffc0000L, at(b, load + 12, 4));
        assertEquals(0x100, at(b, load + 16, 4));
        assertEquals(0x5a, b[(int) at(b, load + 4, 4)] & 0xff);
        assertEquals(144, at(b, 52 + 32 + 32 + 4, 4), "i386 elf_prstatus is 144 bytes");
    }

    @Test
    void extendedNumberingPutsTheCountInSectionZero() {
        ElfCoreWriter.Image img = ElfCoreWriter.write(DumpSpec.builder().extendedNumbering().load(0, 0x10).build());
        byte[] b = img.bytes();
        assertEquals(0xffff, at(b, 56, 2));
        assertEquals(img.shoff(), at(b, 40, 8));
        assertEquals(1, at(b, img.shoff() + 44, 4), "sh_info");
    }

    @Test
    void bytesOutsideEverySegmentsFilePartAreAMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElfCoreWriter.write(
                DumpSpec.builder().load(0, 0x2000, 0x1000).u64(0xffc, 1, "walk.spec:9 PT[0]").build()));
        assertTrue(e.getMessage().startsWith("walk.spec:9 PT[0]: physical 0xffc"), e.getMessage());
    }

    @Test
    void defaultRegisterFillIsTheName() {
        assertArrayEquals(new byte[] {'r', 'i', 'p', 0, 0, 0, 0, 0}, NoteLayout.ascii("rip", 8));
        assertArrayEquals(new byte[] {'c', 's', 'l', 0}, NoteLayout.ascii("cs_limit", 4));
        assertArrayEquals("kernelgb".getBytes(), NoteLayout.ascii("kernel_gs_base", 8));
        assertArrayEquals("orig".getBytes(), NoteLayout.ascii("orig_eax", 4));
    }
}
