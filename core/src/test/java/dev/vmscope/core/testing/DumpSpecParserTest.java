package dev.vmscope.core.testing;

import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text form of dump specs, read into the model. */
class DumpSpecParserTest {

    private static final String SPEC = """
            # a comment line
            @elf class=64 machine=x86_64 align=4096
            @load paddr=0x1000 memsz=0x3000 filesz=0x2000 fill=0xcc   # zero tail of 0x1000
            @load paddr=0x100000 memsz=4096 vaddr=0xffff888000100000

            @memory
            0x1000: 0x2003              # PML4[0] -> 0x2000
            0x1008: u32 1 2             # two 4-byte values
            0x1010: "a # is text \\"here\\"\\n\\x41"
            0x1020: bytes de ad be ef
            @memory width=4
            0x1030: -1                  # 0xffffffff

            @prstatus pid=3
            rip=0xffffffff81000000 rsp=0x10
            rax=-1
            @qemu size=0x1b0
            cr3=0x2000
            @vmcoreinfo
            OSRELEASE=6.1.0
            PAGESIZE=4096
            @note name=Xen type=0x1000002
            u64 1 2
            "xy"
            """;

    @Test
    void everySectionBecomesItsPartOfTheModel() {
        DumpSpec s = DumpSpecParser.parse(SPEC, "t.spec");
        assertEquals(new DumpSpec.Elf(64, DumpSpec.EM_X86_64, ByteOrder.LITTLE_ENDIAN, DumpSpec.ET_CORE, 4096, false), s.elf());
        assertEquals(List.of(new DumpSpec.Load(0x1000, 0, 0x3000, 0x2000, (byte) 0xcc),
                new DumpSpec.Load(0x100000, 0xffff888000100000L, 4096, 4096, (byte) 0)), s.loads());
        List<DumpSpec.Poke> p = s.pokes();
        assertEquals(5, p.size());
        assertEquals(0x1000, p.get(0).address());
        assertArrayEquals(new byte[] {3, 0x20, 0, 0, 0, 0, 0, 0}, p.get(0).bytes());
        assertEquals("t.spec:7 PML4[0] -> 0x2000", p.get(0).origin());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0}, p.get(1).bytes());
        assertEquals("a # is text \"here\"\nA", new String(p.get(2).bytes(), StandardCharsets.ISO_8859_1));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, p.get(3).bytes());
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, p.get(4).bytes());

        assertEquals(4, s.notes().size());
        NoteSpec.Prstatus pr = (NoteSpec.Prstatus) s.notes().get(0);
        assertEquals(Map.of("pid", 3L, "rip", 0xffffffff81000000L, "rsp", 0x10L, "rax", -1L), pr.fields());
        NoteSpec.QemuCpuState q = (NoteSpec.QemuCpuState) s.notes().get(1);
        assertEquals(0x1b0, q.length());
        assertEquals(Map.of("version", 1L, "size", 0x1b0L, "cr3", 0x2000L), q.fields());
        assertEquals(new NoteSpec.VmcoreInfoText("OSRELEASE=6.1.0\nPAGESIZE=4096\n").text(),
                new String(((NoteSpec.Raw) s.notes().get(2)).descriptor(), StandardCharsets.ISO_8859_1));
        NoteSpec.Raw xen = (NoteSpec.Raw) s.notes().get(3);
        assertEquals("Xen", xen.name());
        assertEquals(0x1000002, xen.type());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 'x', 'y'}, xen.descriptor());
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> DumpSpecParser.parse(text, "bad.spec")).getMessage();
    }

    @Test
    void mistakesNameTheLine() {
        assertTrue(error("@load paddr=0 memsz=1\n").startsWith("bad.spec:1: the first section must be @elf"));
        assertTrue(error("@elf\n@load paddr=0 memsz=zz\n").startsWith("bad.spec:2: not a number: 'zz'"));
        assertTrue(error("@elf\n@lod paddr=0\n").startsWith("bad.spec:2: unknown section @lod"));
        assertTrue(error("@elf\n@load memsz=1\n").startsWith("bad.spec:2: missing paddr="));
        assertTrue(error("@elf\n@load paddr=0 memsz=1 size=2\n").startsWith("bad.spec:2: @load takes"));
        assertTrue(error("@elf\n@memory\n\n0x10 0x1\n").startsWith("bad.spec:4: expected 'ADDRESS: DATA'"));
        assertTrue(error("@elf\n@prstatus\nrpi=1\n").startsWith("bad.spec:3: no field 'rpi' in x86_64 elf_prstatus"));
        assertTrue(error("@elf\n@note name=X type=1\n5\n").startsWith("bad.spec:3: expected a string, bytes"));
        assertTrue(error("@elf\n@memory\n0x0: \"open\n").startsWith("bad.spec:3: a string must end"));
        assertTrue(error("# nothing\n").startsWith("bad.spec:1: no @elf line"));
    }

    @Test
    void valuesMustFitTheirWidth() {
        assertTrue(error("@elf\n@memory width=4\n0x0: 0x100000000\n").contains("does not fit in 4 bytes"));
    }

    @Test
    void resourcesAreNamedByTheirFileName() {
        DumpSpec s = DumpSpecParser.resource("/dev/vmscope/core/format/small-core-i386.spec");
        assertEquals(32, s.elf().elfClass());
        assertEquals(DumpSpec.EM_386, s.elf().machine());
        assertThrows(IllegalArgumentException.class, () -> DumpSpecParser.resource("/no/such.spec"));
    }
}
