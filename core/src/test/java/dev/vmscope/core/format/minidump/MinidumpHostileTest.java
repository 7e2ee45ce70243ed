package dev.vmscope.core.format.minidump;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.minidump.MinidumpBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile and damaged minidumps: every problem is a DumpFormatException naming the file, the offset of the
 * header field and what was expected (or an UnsupportedDumpException for a real minidump vmscope does not
 * read), before anything is allocated in proportion to a header field.
 */
class MinidumpHostileTest {

    private static DumpFormatException corrupt(MinidumpBuilder b) {
        return assertThrows(DumpFormatException.class, () -> DumpFormats.open(b.storage()));
    }

    private static MinidumpBuilder amd64() {
        return MinidumpBuilder.amd64(3).kernbase(0xfffffe00_00000000L).directMap(0xfffff800_00000000L, 0xfffffc00_00000000L, 0)
                .messages("panic\n").avail(0x1000, 0xa0000).entries(0x9003, 0).pageOfWords(0x9000, 8, 0x7003).page(0x7000, "p");
    }

    @Test
    void aWellFormedOneOpens() {
        try (Dump d = DumpFormats.open(amd64().storage())) {
            assertEquals("freebsd-minidump", d.format());
        }
    }

    @Test
    void unknownArchitectureIsUnsupported() {
        byte[] b = amd64().build();
        byte[] riscv = "minidump FreeBSD/riscv\0\0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(riscv, 0, b, 0, 24);
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class,
                () -> DumpFormats.open(new ByteArrayStorage("vmcore.0", b)));
        assertTrue(e.getMessage().contains("FreeBSD/riscv"), e.getMessage());
    }

    @Test
    void headerShorterThanItsFields() {
        byte[] b = Arrays.copyOf("minidump FreeBSD/amd64".getBytes(StandardCharsets.ISO_8859_1), 40);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> DumpFormats.open(new ByteArrayStorage("vmcore.0", b)));
        assertEquals(0, e.offset());
        assertEquals("vmcore.0", e.file());
    }

    @Test
    void versions() {
        DumpFormatException zero = corrupt(amd64().field(24, 4, 0));
        assertEquals(24, zero.offset());
        assertEquals("minidump header: version", zero.structure());
        assertThrows(UnsupportedDumpException.class, () -> DumpFormats.open(amd64().field(24, 4, 4).storage()));
        assertEquals(24, corrupt(amd64().field(24, 4, 0x7fff_ffff)).offset());
        // version 1 written big-endian, as an armeb kernel would
        UnsupportedDumpException be = assertThrows(UnsupportedDumpException.class,
                () -> DumpFormats.open(MinidumpBuilder.arm(1, 2).kernbase(0xc000_0000L).field(24, 4, 0x0100_0000).storage()));
        assertTrue(be.getMessage().contains("big-endian"), be.getMessage());
    }

    @Test
    void messageBufferPastTheEnd() {
        DumpFormatException e = corrupt(amd64().field(28, 4, 0x7fff_f000));
        assertEquals(28, e.offset());
        assertEquals("minidump header: msgbufsize", e.structure());
    }

    @Test
    void bitmapPastTheEndOrAboveTheCap() {
        DumpFormatException past = corrupt(amd64().bitmapSize(0x10_0000));
        assertEquals(32, past.offset());
        assertEquals("minidump header: bitmapsize", past.structure());
        assertEquals(32, corrupt(amd64().bitmapSize(0xffff_fff0L)).offset());
    }

    @Test
    void pageTableArrayPastTheEnd() {
        DumpFormatException e = corrupt(amd64().arraySize(0x7fff_f000));
        assertEquals(36, e.offset());
        assertEquals("minidump header: pmapsize", e.structure());
        assertEquals("minidump header: ptesize",
                corrupt(MinidumpBuilder.i386(1, false).kernbase(0xc000_0000L).arraySize(0x10_0000)).structure());
    }

    @Test
    void pageTableArrayOfPartEntries() {
        DumpFormatException e = corrupt(amd64().arraySize(12));
        assertEquals(36, e.offset());
        assertTrue(e.expected().contains("8-byte entries"), e.expected());
    }

    @Test
    void pageTableArrayThatRunsPastTheTopOfTheAddressSpace() {
        // two 4 KiB PTEs from 0xfffff000 reach past 2^32
        DumpFormatException e = corrupt(MinidumpBuilder.i386(1, false).kernbase(0xffff_f000L).entries(0, 0));
        assertEquals(36, e.offset());
    }

    @Test
    void kernbaseNotAlignedToWhatAnEntryMaps() {
        // version 3 holds PDEs: kernbase must be 2 MiB aligned
        DumpFormatException e = corrupt(amd64().kernbase(0xfffffe00_00001000L));
        assertEquals(40, e.offset());
        assertEquals("minidump header: kernbase", e.structure());
    }

    @Test
    void directMapEndingBeforeItStarts() {
        DumpFormatException e = corrupt(amd64().directMap(0xfffffc00_00000000L, 0xfffff800_00000000L, 0));
        assertEquals(56, e.offset());
        assertEquals("minidump header: dmapend", e.structure());
    }

    @Test
    void dumpAvailPastTheEnd() {
        DumpFormatException e = corrupt(amd64().dumpAvailSize(0x10_0000));
        assertEquals(64, e.offset());
        assertEquals("minidump header: dumpavailsize", e.structure());
    }

    @Test
    void dumpAvailRangesOutOfOrderOrInsideOut() {
        DumpFormatException inside = corrupt(MinidumpBuilder.amd64(3).kernbase(0xfffffe00_00000000L).avail(0x9000, 0x1000));
        assertEquals("minidump dump_avail[0]", inside.structure());
        // header page and one page of message buffer: dump_avail starts at 0x1000
        assertEquals(0x1000, inside.offset());
        DumpFormatException order = corrupt(MinidumpBuilder.amd64(3).kernbase(0xfffffe00_00000000L)
                .avail(0x100000, 0x200000).avail(0x1000, 0x2000));
        assertEquals("minidump dump_avail[2]", order.structure());
        assertEquals(0x1010, order.offset());
    }

    @Test
    void badModeFields() {
        assertEquals(44, corrupt(MinidumpBuilder.i386(1, false).kernbase(0xc000_0000L).field(44, 4, 2)).offset());
        assertEquals(48, corrupt(MinidumpBuilder.arm(1, 2).kernbase(0xc000_0000L).field(48, 4, 7)).offset());
        assertEquals(76, corrupt(MinidumpBuilder.arm64(3, 4096).kernbase(0xffff_0000_0000_0000L).field(76, 4, 3)).offset());
        assertThrows(UnsupportedDumpException.class, () -> DumpFormats.open(
                MinidumpBuilder.arm64(3, 4096).kernbase(0xffff_0000_0000_0000L).field(76, 4, 2).storage()));
    }

    @Test
    void aDumpCutShortLacksItsLastPagesAndSaysSo() {
        // pages in bitmap order: 0x7000, 0x8000, then the page table at 0x9000, which the cut removes
        MinidumpBuilder b = amd64().page(0x8000, "eight");
        byte[] whole = b.build();
        try (Session s = Session.open(new ByteArrayStorage("vmcore.0", Arrays.copyOf(whole, whole.length - 4096)),
                OpenOptions.DEFAULT)) {
            assertTrue(s.dump().header().contains(new FormatField("pages", "missing pages", "1 (the file ends before them)")));
            assertEquals("eight", new String(s.read(Space.PHYSICAL, 0x8000, 5), StandardCharsets.ISO_8859_1));
            MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> s.read(Space.PHYSICAL, 0x9000, 1));
            assertEquals(MemoryAccessException.Reason.NOT_IN_DUMP, e.reason());
            assertEquals(dev.vmscope.core.xlat.FaultKind.NO_DATA,
                    s.translate(0xfffffe00_00000000L).fault().orElseThrow().kind());
        }
    }

    @Test
    void everyTruncationIsADumpExceptionOrOpens() {
        byte[] whole = amd64().build();
        for (int length = 0; length <= whole.length; length += 64) {
            byte[] cut = Arrays.copyOf(whole, length);
            expectDumpExceptionOrSuccess(length, () -> DumpFormats.open(new ByteArrayStorage("cut", cut)));
        }
    }

    @Test
    void everyHeaderByteFlippedIsADumpExceptionOrOpens() {
        byte[] whole = MinidumpBuilder.arm64(3, 4096).kernbase(0xffff_0000_0000_0000L).avail(0x4000_0000L, 0x5000_0000L)
                .directMap(0xffff_a000_0000_0000L, 0xffff_a001_0000_0000L, 0x4000_0000L)
                .entries(0x40001703L).page(0x4000_1000L, "x").build();
        for (int at = 24; at < 80; at++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] mutated = whole.clone();
                mutated[at] ^= (byte) (1 << bit);
                expectDumpExceptionOrSuccess(at * 8 + bit, () -> {
                    Dump d = DumpFormats.open(new ByteArrayStorage("flipped", mutated));
                    try (Session s = Session.open(d, OpenOptions.DEFAULT)) {
                        s.translate(0xffff_0000_0000_0000L);
                        s.memory().ranges();
                    }
                    return d;
                });
            }
        }
    }

    private static void expectDumpExceptionOrSuccess(int which, Supplier<Dump> open) {
        try {
            open.get().close();
        } catch (DumpException e) {
            assertTrue(e instanceof DumpFormatException || e instanceof UnsupportedDumpException
                    || e instanceof MemoryAccessException, which + ": " + e);
        } catch (RuntimeException e) {
            fail("case " + which + " threw " + e);
        }
    }
}
