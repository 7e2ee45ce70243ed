package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.ElfCoreWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A valid core cut short anywhere is refused with a {@link DumpFormatException} naming the file, where
 * it ends and what was expected there; never any other exception (JDK {@code LimitsTest} style).
 */
class ElfTruncationTest {

    @ParameterizedTest
    @ValueSource(strings = {HostileElf.X86_64, HostileElf.I386})
    void everyPrefixIsRefusedAsAFormatError(String spec) {
        byte[] whole = HostileElf.image(spec).bytes();
        List<String> wrong = new ArrayList<>();
        for (int length = 0; length < whole.length; length++) {
            DumpFormatException e = HostileElf.formatError(HostileElf.truncated(whole, length), "cut.vmcore");
            if (!e.getMessage().contains("cut.vmcore") || !e.getMessage().contains("offset 0x")) {
                wrong.add(length + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @ValueSource(strings = {HostileElf.X86_64, HostileElf.I386})
    void eachHeaderBoundarySaysWhatIsMissing(String spec) {
        ElfCoreWriter.Image img = HostileElf.image(spec);
        byte[] whole = img.bytes();
        boolean is64 = spec.equals(HostileElf.X86_64);
        // shorter than the magic: no format claims it
        assertEquals("not a known dump format", HostileElf.formatError(HostileElf.truncated(whole, 3), "f").structure());
        // the 16 identification bytes, then the rest of the header (52 or 64 bytes, ELF spec "ELF Header")
        for (int length : new int[] {4, 16, img.headerSize() - 1}) {
            DumpFormatException e = HostileElf.formatError(HostileElf.truncated(whole, length), "f");
            assertEquals("ELF header", e.structure(), "cut at " + length);
            assertEquals(length, e.offset(), "the file ends at " + length);
        }
        // inside and at the end of each program header
        for (int i = 0; i < img.phnum(); i++) {
            for (long end : new long[] {img.programHeader(i) + 1, img.programHeader(i) + img.phentsize() - 1}) {
                DumpFormatException e = HostileElf.formatError(HostileElf.truncated(whole, end), "f");
                assertEquals("ELF program header table (e_phoff)", e.structure());
                assertEquals(img.phoff(), e.offset());
                assertTrue(e.expected().contains(img.phnum() + " headers of " + img.phentsize() + " bytes"), e.expected());
            }
        }
        // inside each note: the PT_NOTE segment (program header 0) runs past the end
        for (long note : img.noteOffsets()) {
            for (long end : new long[] {note, note + 4, note + 12, note + 13}) {
                DumpFormatException e = HostileElf.formatError(HostileElf.truncated(whole, end), "f");
                assertEquals("ELF program header 0 (PT_NOTE): p_offset + p_filesz", e.structure());
                assertEquals(img.programHeader(0) + (is64 ? 8 : 4), e.offset(), "p_offset of program header 0");
                assertTrue(e.expected().contains(Hex.of(end)), e.expected());
            }
        }
        // inside the data of the last PT_LOAD
        long lastData = img.loadOffsets().getLast();
        DumpFormatException e = HostileElf.formatError(HostileElf.truncated(whole, lastData + 1), "f");
        int last = img.phnum() - 1;
        assertEquals("ELF program header " + last + " (PT_LOAD): p_offset + p_filesz", e.structure());
        assertEquals(img.programHeader(last) + (is64 ? 8 : 4), e.offset());
    }
}
