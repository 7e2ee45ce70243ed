package dev.vmscope.app.reader;

import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's validation of requests, byte for byte on the wire. */
class ReaderServerTest {

    /** One reply as it came over the wire. */
    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The result of serving some request bytes: how serving ended and the replies after the announcement. */
    record Served(ReaderServer.Ending ending, List<Reply> replies) {
    }

    static byte[] request(int op, long address, int length) {
        return ByteBuffer.allocate(16).putInt(op).putLong(address).putInt(length).array();
    }

    static byte[] read(long address, int length) {
        return request(ReaderProtocol.OP_READ, address, length);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static Served serve(byte[] requests) throws IOException {
        ReaderServer server = new ReaderServer(TestDumps.dump());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReaderServer.Ending ending = server.serve(new ByteArrayInputStream(requests), out);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        AnnouncementCodec.Hello hello = AnnouncementCodec.read(new WireInput(in, "t", "reader announcement", Long.MAX_VALUE), "t");
        assertTrue(hello instanceof AnnouncementCodec.Hello.Ready);
        WireInput wire = new WireInput(in, "t", "reader reply", Long.MAX_VALUE);
        List<Reply> replies = new java.util.ArrayList<>();
        while (in.available() > 0) {
            int status = wire.i32("status");
            replies.add(new Reply(status, wire.bytes("body", Integer.MAX_VALUE)));
        }
        return new Served(ending, replies);
    }

    @Test
    void theAnnouncementNamesTheRangesWithBytes() {
        Announcement a = new ReaderServer(TestDumps.dump()).announcement();
        assertEquals(List.of(new MemoryRange(TestDumps.LOW, TestDumps.LOW_END, RangeKind.RAM),
                new MemoryRange(TestDumps.HIGH, TestDumps.HIGH_END, RangeKind.RAM),
                new MemoryRange(TestDumps.BROKEN, TestDumps.BROKEN + 0x1000, RangeKind.RAM)), a.ranges());
        assertEquals(ReaderProtocol.MAX_READ, a.maxRead());
        assertEquals("devmem", a.format());
    }

    @Test
    void aReadInsideARangeIsAnswered() throws IOException {
        Served s = serve(concat(read(0x2ff0, 16), read(TestDumps.HIGH, ReaderProtocol.MAX_READ)));
        assertEquals(ReaderServer.Ending.INPUT_CLOSED, s.ending());
        assertEquals(2, s.replies().size());
        byte[] expected = new byte[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = TestDumps.expected(0x2ff0 + i);
        }
        assertEquals(ReaderProtocol.OK, s.replies().get(0).status());
        assertArrayEquals(expected, s.replies().get(0).body());
        assertEquals(ReaderProtocol.MAX_READ, s.replies().get(1).body().length);
        assertEquals(TestDumps.expected(TestDumps.HIGH + 12345), s.replies().get(1).body()[12345]);
    }

    @Test
    void readsOutsideOrAcrossRangesAreRefusedAndServingGoesOn() throws IOException {
        Served s = serve(concat(
                read(0x0, 16),                          // below every range
                read(0x2ff0, 32),                       // runs past the end of its range
                read(0x3000, 16),                       // in the hole
                read(TestDumps.HIGH_END - 8, 16),       // straddles the end
                read(0xfffffffffffffff0L, 32),          // wraps past 2^64
                read(0x1000, 8)));
        assertEquals(6, s.replies().size());
        for (int i = 0; i < 5; i++) {
            assertEquals(ReaderProtocol.OUT_OF_RANGE, s.replies().get(i).status(), "request " + i);
        }
        assertEquals("0x2ff0 + 0x20 is not inside one of the announced physical ranges", s.replies().get(1).text());
        assertEquals(ReaderProtocol.OK, s.replies().get(5).status());
        assertEquals(ReaderServer.Ending.INPUT_CLOSED, s.ending());
    }

    @Test
    void oversizedZeroAndNegativeLengthsAreRefused() throws IOException {
        Served s = serve(concat(read(TestDumps.HIGH, ReaderProtocol.MAX_READ + 1), read(TestDumps.HIGH, 0), read(TestDumps.HIGH, -1)));
        assertEquals(List.of(ReaderProtocol.TOO_LARGE, ReaderProtocol.TOO_LARGE, ReaderProtocol.TOO_LARGE),
                s.replies().stream().map(Reply::status).toList());
        assertEquals("a read of 1048577 bytes; at most 1048576 are allowed", s.replies().get(0).text());
    }

    @Test
    void aFailingReadIsReportedAndServingGoesOn() throws IOException {
        Served s = serve(concat(read(TestDumps.BROKEN, 64), read(0x1000, 8)));
        assertEquals(ReaderProtocol.READ_FAILED, s.replies().get(0).status());
        assertTrue(s.replies().get(0).text().startsWith("read of 64 bytes (test memory, offset "), s.replies().get(0).text());
        assertEquals(ReaderProtocol.OK, s.replies().get(1).status());
    }

    @Test
    void anUnknownRequestIsAnsweredAndThePipeClosed() throws IOException {
        Served s = serve(concat(request(0x57524954, 0x1000, 8), read(0x1000, 8)));
        assertEquals(ReaderServer.Ending.BAD_REQUEST, s.ending());
        assertEquals(1, s.replies().size(), "nothing after a malformed request is read");
        assertEquals(ReaderProtocol.BAD_REQUEST, s.replies().get(0).status());
        assertEquals("unknown request 0x57524954; closing", s.replies().get(0).text());
    }

    @Test
    void aRequestCutShortEndsTheReaderWithoutAnAnswer() throws IOException {
        Served s = serve(concat(read(0x1000, 8), java.util.Arrays.copyOf(read(0x1000, 8), 10)));
        assertEquals(ReaderServer.Ending.TRUNCATED_REQUEST, s.ending());
        assertEquals(1, s.replies().size());
    }

    @Test
    void theEndOfInputEndsTheReader() throws IOException {
        Served s = serve(new byte[0]);
        assertEquals(ReaderServer.Ending.INPUT_CLOSED, s.ending());
        assertEquals(List.of(), s.replies());
    }

    @Test
    void aClientThatIsGoneEndsTheReader() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        assertEquals(ReaderServer.Ending.OUTPUT_CLOSED,
                new ReaderServer(TestDumps.dump()).serve(new ByteArrayInputStream(read(0x1000, 8)), gone));
    }
}
