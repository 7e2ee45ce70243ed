package dev.vmscope.core.xen;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crash_xen_info_t} in its three sizes (Xen's {@code xen/include/xen/elfcore.h}: 8 words, then the
 * frame-list-list appended, then xen_phys_start inserted before it), the strings it points to, and the
 * obsolete {@code NT_XEN_KDUMP_CR3} note.
 */
class XenFactsTest {
    static final MachineImage STRINGS = MachineImage.parse(Space.MACHINE, """
            0x3f0000: ".9"
            0x3f0010: "abc"
            0x3f0020: "gcc (test) 1.0"
            0x3f0ffc: "Mon Jan  1 00:00:00 UTC 2030"
            """);

    /** major 4, minor 18, five string pointers (the last outside the dump), tainted, then the optional words. */
    static byte[] crashInfo(int words) {
        long[] all = {4, 18, 0x3f0000, 0x3f0010, 0x3f0020, 0x3f0ffc, 0x900000, 0, 0x3c00000, 0x100};
        long[] w = new long[words];
        System.arraycopy(all, 0, w, 0, Math.min(8, words));
        if (words == 9) {
            w[8] = 0x100;
        } else if (words >= 10) {
            System.arraycopy(all, 8, w, 8, 2);
        }
        return ElfWriter.words(w);
    }

    static XenFacts facts(List<ElfNote> notes) {
        return XenFacts.of(notes, STRINGS, Architecture.X86_64, "built.vmcore").orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10})
    void eachSizeGivesWhatItHolds(int words) {
        XenFacts f = facts(List.of(new ElfNote(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO, crashInfo(words), 0x200)));
        assertEquals(words - 8, f.crashInfo().orElseThrow().version());
        assertEquals("4.18", f.version().orElseThrow());
        assertEquals("4.18.9", f.fullVersion().orElseThrow());
        assertEquals(words >= 9 ? Optional.of(0x100L) : Optional.empty(),
                f.frameListList().isPresent() ? Optional.of(f.frameListList().getAsLong()) : Optional.empty());
        assertEquals(words == 10 ? Optional.of(Address.machine(0x3c00000)) : Optional.empty(), f.physStart());
        assertEquals(List.of("XEN_ELFNOTE_CRASH_INFO"), f.notesFound());
    }

    @Test
    void theStringsAreReadBackBoundedAndAcrossPages() {
        XenFacts f = facts(List.of(new ElfNote(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO, crashInfo(10), 0x200)));
        assertEquals(".9", f.string("xen_extra_version").orElseThrow().text().orElseThrow());
        assertEquals("abc", f.string("xen_changeset").orElseThrow().text().orElseThrow());
        assertEquals("gcc (test) 1.0", f.string("xen_compiler").orElseThrow().text().orElseThrow());
        assertEquals("Mon Jan  1 00:00:00 UTC 2030", f.string("xen_compile_date").orElseThrow().text().orElseThrow(),
                "a string that crosses into the next page");
        XenString missing = f.string("xen_compile_time").orElseThrow();
        assertEquals(Address.machine(0x900000), missing.address());
        assertTrue(missing.text().isEmpty(), "not in the dump");
        MachineImage endless = MachineImage.parse(Space.MACHINE, "0x1000..0x3000: fill 0x4141414141414141");
        assertEquals(XenString.MAX_LENGTH, XenString.read(endless, "x", 0x1000).text().orElseThrow().length());
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 11})
    void otherSizesAreCorruptAndSaySo(int words) {
        DumpFormatException e = assertThrows(DumpFormatException.class, () ->
                facts(List.of(new ElfNote(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO, crashInfo(words), 0x1234))));
        assertEquals("built.vmcore", e.file());
        assertEquals(0x1234, e.offset());
        assertTrue(e.structure().contains("crash_xen_info_t"), e.structure());
        assertEquals("8, 9 or 10 words of 8 bytes (64, 72 or 80 bytes), found " + words * 8 + " bytes", e.expected());
        byte[] odd = java.util.Arrays.copyOf(crashInfo(10), 77);
        assertThrows(DumpFormatException.class, () -> facts(List.of(new ElfNote(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO, odd, 0))));
    }

    @Test
    void theObsoleteCr3NoteOfOldLinuxXenKernels() {
        List<ElfNote> notes = new ArrayList<>();
        notes.add(new ElfNote(NoteTypes.XEN, NoteTypes.NT_XEN_KDUMP_CR3, ElfWriter.words(0x1234000), 0));
        notes.add(new ElfNote(NoteTypes.XEN, NoteTypes.NT_XEN_KDUMP_CR3, ElfWriter.words(0x1235000), 0));
        notes.add(new ElfNote(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_REGS, ElfWriter.words(1, 2, 3, 4), 0));
        XenFacts f = facts(notes);
        assertEquals(List.of(Address.machine(0x1234000), Address.machine(0x1235000)), f.obsoleteDom0Cr3());
        assertEquals(List.of("NT_XEN_KDUMP_CR3 x2", "XEN_ELFNOTE_CRASH_REGS"), f.notesFound());
        assertTrue(f.version().isEmpty() && f.frameListList().isEmpty());
        XenFacts old = facts(List.of(new ElfNote(NoteTypes.XEN, NoteTypes.NT_XEN_KDUMP_CR3, ElfWriter.words(4, 1, 0x2ebd6), 0)));
        assertEquals(0x2ebd6, old.frameListList().orElseThrow(), "the old note's last word is dom0's frame-list-list");
    }

    @Test
    void notesWithoutXenAreNotAXenHost() {
        assertTrue(XenFacts.of(List.of(new ElfNote(NoteTypes.CORE, NoteTypes.NT_PRSTATUS, new byte[336], 0)), STRINGS,
                Architecture.X86_64, "x").isEmpty());
    }
}
