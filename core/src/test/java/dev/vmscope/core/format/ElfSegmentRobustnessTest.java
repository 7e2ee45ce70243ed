package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.testing.ElfCoreWriter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile program headers and notes. ELF64 program header fields (System V ABI): p_type 0, p_flags 4,
 * p_offset 8, p_vaddr 16, p_paddr 24, p_filesz 32, p_memsz 40. Note header: n_namesz, n_descsz, n_type.
 * Program header 0 is the PT_NOTE, 1 and 2 are the PT_LOADs.
 */
class ElfSegmentRobustnessTest {
    private static final ElfCoreWriter.Image IMAGE = HostileElf.image(HostileElf.X86_64);
    private static final byte[] VALID = IMAGE.bytes();

    private static void assertInProgramHeader(int index, DumpFormatException e) {
        long start = IMAGE.programHeader(index);
        assertTrue(e.offset() >= start && e.offset() < start + IMAGE.phentsize(),
                "offset " + e.offset() + " inside program header " + index + ": " + e.getMessage());
        assertTrue(e.structure().startsWith("ELF program header " + index), e.structure());
    }

    @Test
    void loadOffsetPastTheEnd() {
        byte[] b = HostileElf.patched(VALID, IMAGE.programHeader(2) + 8, 8, VALID.length + 1L);
        DumpFormatException e = HostileElf.formatError(b, "f");
        assertInProgramHeader(2, e);
        assertTrue(e.expected().contains("inside the file"), e.expected());
    }

    @Test
    void loadOffsetNegative() {
        assertInProgramHeader(1, HostileElf.formatError(HostileElf.patched(VALID, IMAGE.programHeader(1) + 8, 8, -1), "f"));
    }

    @Test
    void loadFileSizePastTheEnd() {
        byte[] b = HostileElf.patched(VALID, IMAGE.programHeader(1) + 32, 8, 0x7fffffffffffffffL);
        assertInProgramHeader(1, HostileElf.formatError(b, "f"));
    }

    @Test
    void fileSizeLargerThanMemorySize() {
        // segment 1: p_filesz 0x1000, p_memsz 0x2000; make p_memsz 0x800
        byte[] b = HostileElf.patched(VALID, IMAGE.programHeader(1) + 40, 8, 0x800);
        DumpFormatException e = HostileElf.formatError(b, "f");
        assertInProgramHeader(1, e);
        assertTrue(e.structure().contains("p_filesz"), e.structure());
        assertTrue(e.expected().contains("0x800") && e.expected().contains("0x1000"), e.expected());
    }

    @Test
    void segmentWrappingPastTheTopOfTheAddressSpace() {
        byte[] b = HostileElf.patched(VALID, IMAGE.programHeader(2) + 24, 8, 0xfffffffffffff800L);
        assertInProgramHeader(2, HostileElf.formatError(b, "f"));
    }

    @Test
    void segmentEndingExactlyAtTwoToThe64() {
        // segment 2: p_memsz 0x1000; p_paddr 2^64 - 0x1000 would make its end 2^64, not an address
        byte[] b = HostileElf.patched(VALID, IMAGE.programHeader(2) + 24, 8, 0xfffffffffffff000L);
        DumpFormatException e = HostileElf.formatError(b, "f");
        assertInProgramHeader(2, e);
        assertTrue(e.expected().contains("below 2^64"), e.expected());
    }

    @Test
    void noteSegmentPastTheEnd() {
        byte[] b = HostileElf.patched(VALID, IMAGE.programHeader(0) + 32, 8, VALID.length);
        assertInProgramHeader(0, HostileElf.formatError(b, "f"));
    }

    @Test
    void noteNameSizeRunsPastItsSegment() {
        for (int note = 0; note < IMAGE.noteOffsets().size(); note++) {
            long at = IMAGE.noteOffsets().get(note);
            for (long namesz : new long[] {IMAGE.notesSize(), 0xffffffffL}) {
                DumpFormatException e = HostileElf.formatError(HostileElf.patched(VALID, at, 4, namesz), "f");
                assertEquals(at, e.offset(), "note " + note);
                assertEquals("ELF note " + note + ": n_namesz/n_descsz", e.structure());
            }
        }
    }

    @Test
    void noteDescriptorSizeRunsPastItsSegment() {
        for (int note = 0; note < IMAGE.noteOffsets().size(); note++) {
            long at = IMAGE.noteOffsets().get(note);
            long left = IMAGE.notesOffset() + IMAGE.notesSize() - at;
            for (long descsz : new long[] {left, 0x7fffffffL, 0xffffffffL}) {
                DumpFormatException e = HostileElf.formatError(HostileElf.patched(VALID, at + 4, 4, descsz), "f");
                assertEquals(at, e.offset(), "note " + note + " descsz " + descsz);
                assertTrue(e.expected().contains("inside its segment"), e.expected());
            }
        }
    }
}
