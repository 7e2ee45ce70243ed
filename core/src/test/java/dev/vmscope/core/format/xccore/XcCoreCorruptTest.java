package dev.vmscope.core.format.xccore;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.ByteArrayStorage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken {@code xl dump-core} files: once the format claims a file, every problem is a
 * {@link DumpFormatException} naming the file, the offset, the structure and what was expected (or an
 * {@link UnsupportedDumpException} for a well-formed file of a kind vmscope does not read).
 */
class XcCoreCorruptTest {

    private static DumpFormatException corrupt(XcCoreBuilder b) {
        return corrupt(b.build());
    }

    private static DumpFormatException corrupt(byte[] file) {
        ByteArrayStorage s = new ByteArrayStorage("broken.core", file);
        assertTrue(new XcCoreFormat().claims(s), "still claimed");
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> new XcCoreFormat().open(s));
        assertEquals("broken.core", e.file());
        return e;
    }

    @Test
    void aWrongMagic() {
        XcCoreBuilder b = XcCoreFormatTest.pvGuest();
        b.magic = 0x1234;
        DumpFormatException e = corrupt(b);
        assertEquals("XEN_ELFNOTE_DUMPCORE_HEADER: xch_magic", e.structure());
        assertEquals("0xf00febed (PV) or 0xf00febee (HVM), found 0x1234", e.expected());
    }

    @Test
    void noHeaderNote() {
        XcCoreBuilder b = XcCoreFormatTest.pvGuest();
        b.headerNote = false;
        DumpFormatException e = corrupt(b);
        assertEquals(".note.Xen", e.structure());
        assertTrue(e.expected().contains("0x2000001"), e.expected());
    }

    @Test
    void pagesThatDoNotMatchTheHeader() {
        XcCoreBuilder b = XcCoreFormatTest.pvGuest();
        b.pagesOverride = 99;
        DumpFormatException e = corrupt(b);
        assertEquals("section .xen_pages: sh_size", e.structure());
        assertTrue(e.expected().startsWith("xch_nr_pages 99 pages of 4096 bytes"), e.expected());
    }

    @Test
    void aMissingTable() {
        XcCoreBuilder b = XcCoreFormatTest.pvGuest();
        b.omit.add(".xen_p2m");
        DumpFormatException e = corrupt(b);
        assertEquals(64, e.offset(), "the section header table");
        assertTrue(e.expected().startsWith("a section named .xen_p2m"), e.expected());
    }

    @Test
    void contextsThatDoNotFitTheVcpuCount() {
        XcCoreBuilder b = XcCoreFormatTest.pvGuest();
        b.replace.put(".xen_prstatus", new byte[XcCoreBuilder.CONTEXT_SLOT * 2 - 8]);
        DumpFormatException e = corrupt(b);
        assertEquals("section .xen_prstatus: sh_size", e.structure());
    }

    @Test
    void aSectionOutsideTheFile() {
        byte[] file = XcCoreFormatTest.pvGuest().build();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long sectionHeader = 64 + 64 * 4;
        b.putLong((int) sectionHeader + 24, 1L << 40);
        DumpFormatException e = corrupt(file);
        assertEquals("section 4: sh_offset + sh_size", e.structure());
        assertEquals(sectionHeader + 24, e.offset());
    }

    @Test
    void aNewerFormatIsUnsupportedNotCorrupt() {
        XcCoreBuilder b = XcCoreFormatTest.pvGuest();
        b.formatVersion = 1L << 32;
        ByteArrayStorage s = new ByteArrayStorage("new.core", b.build());
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class, () -> new XcCoreFormat().open(s));
        assertTrue(e.getMessage().contains("format version 1.0"), e.getMessage());
    }

    @Test
    void everyTruncationIsReportedAsCorruption() {
        byte[] file = XcCoreFormatTest.pvGuest().build();
        int firstNote = 64 + 64 * 7;
        for (int length = firstNote + 16; length < file.length; length += 509) {
            ByteArrayStorage s = new ByteArrayStorage("cut.core", Arrays.copyOf(file, length));
            int at = length;
            assertTrue(new XcCoreFormat().claims(s), "a file cut at " + at + " is still recognised by its first Xen note");
            DumpException e = assertThrows(DumpException.class, () -> new XcCoreFormat().open(s), "cut at " + at);
            assertTrue(e instanceof DumpFormatException, "cut at " + at + ": " + e);
        }
    }
}
