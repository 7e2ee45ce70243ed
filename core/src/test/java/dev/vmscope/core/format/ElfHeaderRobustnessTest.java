package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.DumpSpec;
import dev.vmscope.core.testing.DumpSpecParser;
import dev.vmscope.core.testing.ElfCoreWriter;
import dev.vmscope.core.testing.TestDumps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile ELF file headers. Field offsets are those of the System V ABI's ELF64 header: e_type 16,
 * e_machine 18, e_phoff 32, e_shoff 40, e_phentsize 54, e_phnum 56.
 */
class ElfHeaderRobustnessTest {
    private static final ElfCoreWriter.Image IMAGE = HostileElf.image(HostileElf.X86_64);
    private static final byte[] VALID = IMAGE.bytes();

    @Test
    void theValidFileOpens() {
        try (Dump d = DumpFormats.open(new ByteArrayStorage("ok", VALID))) {
            assertEquals("elf-qemu", d.format());
            assertEquals(2, d.cpus().size());
            // p_filesz 0x1000 < p_memsz 0x2000: the tail is zero, whatever fills the file part
            assertEquals(List.of(new MemoryRange(0, 0x1000, RangeKind.RAM), new MemoryRange(0x1000, 0x2000, RangeKind.ZERO),
                    new MemoryRange(0x2000, 0x100000, RangeKind.HOLE), new MemoryRange(0x100000, 0x101000, RangeKind.RAM)),
                    d.memory().ranges());
            assertArrayEquals(new byte[] {(byte) 0xaa, (byte) 0xaa, 0, 0}, d.memory().read(0xffe, 4));
        }
    }

    @Test
    void notElfAtAllNamesTheFileTheOffsetAndWhatWasExpected(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "this is a text file, not a memory dump\n", StandardCharsets.US_ASCII);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> Session.open(text, OpenOptions.DEFAULT));
        assertEquals(text.toString(), e.file());
        assertEquals(0, e.offset());
        assertTrue(e.expected().contains("ELF core"), e.expected());
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("offset 0x0"), e.getMessage());
    }

    @Test
    void emptyFileIsNotADump(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.vmcore"));
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> Session.open(empty, OpenOptions.DEFAULT));
        assertEquals(empty.toString(), e.file());
    }

    @Test
    void aBuiltCoreOpensFromAFileToo(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("small.vmcore"), VALID);
        try (Session s = Session.open(file, OpenOptions.DEFAULT)) {
            assertEquals(1, s.dump().cpuCount());
            assertEquals(2, s.dump().cpus().size());
        }
    }

    @Test
    void badClassAndDataBytes() {
        DumpFormatException c = HostileElf.formatError(HostileElf.patched(VALID, 4, 1, 3), "f");
        assertEquals(4, c.offset());
        assertTrue(c.structure().contains("EI_CLASS"));
        DumpFormatException d = HostileElf.formatError(HostileElf.patched(VALID, 5, 1, 0), "f");
        assertEquals(5, d.offset());
        assertTrue(d.structure().contains("EI_DATA"));
    }

    @Test
    void wrongTypeIsRefused() {
        DumpFormatException e = HostileElf.formatError(HostileElf.patched(VALID, 16, 2, 2), "exec");
        assertEquals(16, e.offset());
        assertTrue(e.structure().contains("e_type"));
        assertTrue(e.expected().contains("ET_CORE"), e.expected());
    }

    @Test
    void unknownMachineIsUnsupportedNotCorrupt() {
        byte[] ppc = HostileElf.patched(VALID, 18, 2, 21);
        UnsupportedDumpException e = assertInstanceOf(UnsupportedDumpException.class, HostileElf.refusal(ppc, "ppc64.vmcore"));
        assertTrue(e.getMessage().contains("21") && e.getMessage().contains("ppc64.vmcore"), e.getMessage());
    }

    @Test
    void wrongProgramHeaderEntrySize() {
        DumpFormatException e = HostileElf.formatError(HostileElf.patched(VALID, 54, 2, 32), "f");
        assertEquals(54, e.offset());
        assertTrue(e.structure().contains("e_phentsize"));
        assertTrue(e.expected().startsWith("56"), e.expected());
    }

    @Test
    void absurdProgramHeaderCountIsCheckedAgainstTheFileFirst() {
        DumpFormatException e = HostileElf.formatError(HostileElf.patched(VALID, 56, 2, 0xfffe), "f");
        assertEquals(IMAGE.phoff(), e.offset());
        assertTrue(e.expected().contains("65534 headers"), e.expected());
    }

    @Test
    void programHeaderTablePastTheEnd() {
        DumpFormatException e = HostileElf.formatError(HostileElf.patched(VALID, 32, 8, 0x7ffffffffffffff0L), "f");
        assertEquals("ELF program header table (e_phoff)", e.structure());
        DumpFormatException negative = HostileElf.formatError(HostileElf.patched(VALID, 32, 8, -8), "f");
        assertEquals("ELF program header table (e_phoff)", negative.structure());
    }

    private static ElfCoreWriter.Image extended() {
        DumpSpec base = DumpSpecParser.resource(HostileElf.X86_64);
        DumpSpec spec = new DumpSpec(new DumpSpec.Elf(64, DumpSpec.EM_X86_64, base.elf().order(), DumpSpec.ET_CORE, 8, true),
                base.loads(), base.pokes(), base.notes());
        return ElfCoreWriter.write(spec);
    }

    @Test
    void extendedNumberingTakesTheCountFromSectionZero() {
        // ELF spec: e_phnum = PN_XNUM (0xffff) means the real count is sh_info of section header 0.
        ElfCoreWriter.Image img = extended();
        try (Dump d = DumpFormats.open(new ByteArrayStorage("xnum", img.bytes()))) {
            assertEquals("3", d.header().stream().filter(f -> f.name().equals("e_phnum")).findFirst().orElseThrow().value());
            assertEquals(0xaa, d.memory().read(0x10, 1)[0] & 0xff);
            assertEquals(0x55, d.memory().read(0x100000, 1)[0] & 0xff);
            assertEquals(2, d.cpus().size());
        }
    }

    @Test
    void extendedNumberingWithoutItsSectionHeader() {
        byte[] bytes = extended().bytes();
        for (long shoff : new long[] {0, bytes.length, bytes.length - 8, -64}) {
            DumpFormatException e = HostileElf.formatError(HostileElf.patched(bytes, 40, 8, shoff), "xnum");
            assertTrue(e.structure().contains("section header 0"), e.structure());
        }
    }

    @Test
    void extendedNumberingWithAnAbsurdCountIsCapped() {
        ElfCoreWriter.Image img = extended();
        byte[] bytes = HostileElf.patched(img.bytes(), img.shoff() + 44, 4, 0xffffffffL);
        DumpFormatException e = HostileElf.formatError(bytes, "xnum");
        assertTrue(e.structure().contains("e_phnum"), e.structure());
        byte[] large = HostileElf.patched(img.bytes(), img.shoff() + 44, 4, 0xfffff);
        assertEquals("ELF program header table (e_phoff)", HostileElf.formatError(large, "xnum").structure());
    }

    @Test
    void notesWithoutRegistersStillOpen() {
        DumpSpec spec = DumpSpec.builder().load(0, 0x1000).note("LINUX", 0x400, new byte[3]).build();
        try (Dump d = TestDumps.open(spec, "linux-note")) {
            assertEquals(1, d.notes().size());
            assertEquals(3, d.notes().getFirst().size());
            assertEquals(0, d.cpus().size());
        }
    }
}
