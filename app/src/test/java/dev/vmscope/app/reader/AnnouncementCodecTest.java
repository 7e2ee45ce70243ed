package dev.vmscope.app.reader;

import dev.vmscope.core.DumpFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnouncementCodecTest {

    static byte[] encode(Announcement a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnouncementCodec.writeReady(new WireOutput(out), a);
        return out.toByteArray();
    }

    static AnnouncementCodec.Hello decode(byte[] bytes) throws IOException {
        return AnnouncementCodec.read(new WireInput(new ByteArrayInputStream(bytes), "reader", "reader announcement",
                ReaderProtocol.MAX_ANNOUNCEMENT), "reader");
    }

    @Test
    void everyFactSurvivesThePipe() throws IOException {
        Announcement a = Announcement.of(TestDumps.dump(), ReaderProtocol.MAX_READ);
        Announcement b = ((AnnouncementCodec.Hello.Ready) decode(encode(a))).announcement();
        assertEquals(a.source(), b.source());
        assertEquals(a.format(), b.format());
        assertEquals(a.architecture(), b.architecture());
        assertEquals(a.ranges(), b.ranges());
        assertEquals(a.header(), b.header());
        assertEquals(a.vmcoreinfo().orElseThrow().entries(), b.vmcoreinfo().orElseThrow().entries());
        assertEquals(a.vmcoreinfo().orElseThrow().origin(), b.vmcoreinfo().orElseThrow().origin());
        assertEquals(1, b.notes().size());
        assertEquals(a.notes().getFirst().name(), b.notes().getFirst().name());
        assertEquals(a.notes().getFirst().fileOffset(), b.notes().getFirst().fileOffset());
        assertArrayEquals(a.notes().getFirst().descriptor(), b.notes().getFirst().descriptor());
    }

    @Test
    void aRefusalCarriesItsMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReaderServer.refuse(out, "cannot read live memory (live: /proc/kcore: locked down)");
        assertEquals(new AnnouncementCodec.Hello.Refused("cannot read live memory (live: /proc/kcore: locked down)"), decode(out.toByteArray()));
    }

    @Test
    void aWrongMagicIsNamed() {
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> decode("#!/bin/sh\nrm -rf".getBytes()));
        assertEquals("reader announcement: magic", e.structure());
        assertEquals(0, e.offset());
        assertEquals("\"VMSCOPE\" and protocol version 1, found 23212f62696e2f73", e.expected());
    }

    @Test
    void overlappingRangesAreRejectedWithTheirOffset() throws IOException {
        byte[] bytes = encode(Announcement.of(TestDumps.dump(), ReaderProtocol.MAX_READ));
        int rangesAt = indexOfRangeCount(bytes);
        ByteBuffer.wrap(bytes).putLong(rangesAt + 4 + 16, 0x2000);   // second range now starts inside the first
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> decode(bytes));
        assertEquals("reader announcement: range 1", e.structure());
        assertEquals(rangesAt + 4 + 16, e.offset());
    }

    @Test
    void countsBeyondTheLimitAreRejectedBeforeAnythingIsAllocated() throws IOException {
        byte[] bytes = encode(Announcement.of(TestDumps.dump(), ReaderProtocol.MAX_READ));
        int rangesAt = indexOfRangeCount(bytes);
        ByteBuffer.wrap(bytes).putInt(rangesAt, -5);
        assertEquals("0 to 65536, found -5", assertThrows(DumpFormatException.class, () -> decode(bytes)).expected());
        ByteBuffer.wrap(bytes).putInt(rangesAt, Integer.MAX_VALUE);
        assertEquals("0 to 65536, found 2147483647", assertThrows(DumpFormatException.class, () -> decode(bytes)).expected());
    }

    @Test
    void aMaxReadAboveTheProtocolsIsRejected() throws IOException {
        byte[] bytes = encode(Announcement.of(TestDumps.dump(), ReaderProtocol.MAX_READ));
        ByteBuffer.wrap(bytes).putInt(indexOfRangeCount(bytes) - 4, ReaderProtocol.MAX_READ * 2);
        assertEquals("reader announcement: max read", assertThrows(DumpFormatException.class, () -> decode(bytes)).structure());
    }

    @Test
    void aTruncatedAnnouncementIsTheEndOfTheReader() throws IOException {
        byte[] bytes = encode(Announcement.of(TestDumps.dump(), ReaderProtocol.MAX_READ));
        for (int cut : new int[] {3, 9, 40, bytes.length - 1}) {
            EOFException e = assertThrows(EOFException.class, () -> decode(Arrays.copyOf(bytes, cut)));
            assertTrue(e.getMessage().startsWith("the output ended inside the reader announcement's "), e.getMessage());
        }
    }

    /** Where the range count lies: after magic, status and the three strings and max read. */
    private static int indexOfRangeCount(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int at = ReaderProtocol.MAGIC.length + 1;
        for (int i = 0; i < 3; i++) {
            at += 4 + buf.getInt(at);
        }
        return at + 4;
    }
}
