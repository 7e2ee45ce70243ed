package dev.vmscope.app.reader;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.PositionalStorage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client over good and broken readers: it reads what is there and fails clearly, never hangs. */
class ReaderClientTest {
    private static final ReaderTimeouts SHORT = new ReaderTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));

    private static byte[] announcement() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnouncementCodec.writeReady(new WireOutput(out), Announcement.of(TestDumps.dump(), ReaderProtocol.MAX_READ));
        return out.toByteArray();
    }

    @Test
    void readsGoThroughThePipeInBoundedRequests() throws Exception {
        InProcessReader reader = new InProcessReader("/dev/mem", s -> TestDumps.dump());
        ReaderClient client = ReaderClient.connect(reader, SHORT);
        try (PositionalStorage storage = new PositionalStorage(client)) {
            int length = 3 * ReaderProtocol.MAX_READ + 100;
            byte[] data = storage.read(TestDumps.HIGH + 7, length);
            for (int i = 0; i < length; i += 4093) {
                assertEquals(TestDumps.expected(TestDumps.HIGH + 7 + i), data[i], "byte " + i);
            }
        }
        assertEquals(ReaderMain.SERVED, reader.exitStatus(), "the reader ends when its input closes");
    }

    @Test
    void aReadAfterCloseIsAClearError() throws Exception {
        InProcessReader reader = new InProcessReader("/dev/mem", s -> TestDumps.dump());
        PositionalStorage storage = new PositionalStorage(ReaderClient.connect(reader, SHORT));
        storage.close();
        assertEquals("read of 8 bytes at 0x1000 failed (in-process reader: the live source was closed)",
                assertThrows(DumpIoException.class, () -> storage.read(0x1000, 8)).getMessage());
        assertEquals(ReaderMain.SERVED, reader.exitStatus());
    }

    @Test
    void aRefusedReadIsAnErrorButNotTheEnd() throws Exception {
        InProcessReader reader = new InProcessReader("/dev/mem", s -> TestDumps.dump());
        try (PositionalStorage storage = new PositionalStorage(ReaderClient.connect(reader, SHORT))) {
            DumpIoException e = assertThrows(DumpIoException.class, () -> storage.read(0x3000, 16));
            assertEquals("read of 16 bytes at 0x3000 failed (in-process reader: outside the announced ranges: "
                    + "0x3000 + 0x10 is not inside one of the announced physical ranges)", e.getMessage());
            assertEquals(TestDumps.expected(0x1000), storage.read(0x1000, 1)[0]);
        }
    }

    @Test
    void theDumpOverTheReaderReportsHolesAsNotPresent() throws Exception {
        InProcessReader reader = new InProcessReader("/dev/mem", s -> TestDumps.dump());
        try (var dump = RemoteDump.of(ReaderClient.connect(reader, SHORT))) {
            assertEquals("devmem", dump.format());
            assertEquals("6.1.0-test", dump.vmcoreinfo().orElseThrow().osRelease().orElseThrow());
            assertTrue(dump.header().stream().anyMatch(f -> f.name().equals("reader")
                    && f.value().equals("in-process reader, answering reads of at most 1048576 bytes inside 3 announced physical ranges")));
            assertEquals(MemoryAccessException.Reason.NOT_IN_DUMP,
                    assertThrows(MemoryAccessException.class, () -> dump.memory().read(0x3000, 8)).reason());
        }
    }

    @Test
    void aReaderThatHangsIsStoppedAndEveryLaterReadFailsAtOnce() throws Exception {
        ScriptedReader hung = ScriptedReader.hangsAfter(announcement());
        PositionalStorage storage = new PositionalStorage(ReaderClient.connect(hung, SHORT));
        DumpIoException first = assertThrows(DumpIoException.class, () -> storage.read(0x1000, 8));
        assertEquals("read of 8 bytes at 0x1000 failed (scripted reader: "
                + "the reader did not answer a read of 8 bytes at 0x1000 within 1 s; it was stopped)", first.getMessage());
        assertTrue(hung.wasKilled());
        DumpIoException later = assertThrows(DumpIoException.class, () -> storage.read(0x2000, 8));
        assertTrue(later.getMessage().endsWith("(scripted reader: the reader did not answer a read of 8 bytes at 0x1000 within 1 s; it was stopped)"),
                later.getMessage());
    }

    @Test
    void aReaderThatDiesInTheMiddleOfAnAnswerIsReported() throws Exception {
        byte[] halfAnswer = ByteBuffer.allocate(8 + 10).putInt(ReaderProtocol.OK).putInt(64).array();
        ScriptedReader dying = ScriptedReader.endsAfter(ReaderServerTest.concat(announcement(), halfAnswer));
        PositionalStorage storage = new PositionalStorage(ReaderClient.connect(dying, SHORT));
        DumpIoException e = assertThrows(DumpIoException.class, () -> storage.read(0x1000, 64));
        assertEquals("read of 64 bytes at 0x1000 failed (scripted reader: the reader stopped answering: the output ended inside "
                + "the reader reply's data at offset 0x12 (it exited with status 9: out of cheese))", e.getMessage());
    }

    @Test
    void anAnswerOfTheWrongSizeBreaksTheReader() throws Exception {
        byte[] wrong = ByteBuffer.allocate(8 + 4).putInt(ReaderProtocol.OK).putInt(4).array();
        ScriptedReader liar = ScriptedReader.endsAfter(ReaderServerTest.concat(announcement(), wrong));
        PositionalStorage storage = new PositionalStorage(ReaderClient.connect(liar, SHORT));
        assertTrue(assertThrows(DumpIoException.class, () -> storage.read(0x1000, 8)).getMessage()
                .contains("the reader stopped answering: it answered 4 bytes to a read of 8"));
    }

    @Test
    void aReaderThatCouldNotOpenTheSourceSaysWhy() {
        InProcessReader reader = assertDoesNotThrowIo(() -> new InProcessReader("live", s -> {
            throw new DumpIoException("live", "cannot read live memory",
                    new IOException("/proc/kcore: the kernel is locked down in confidentiality mode"));
        }));
        DumpIoException e = assertThrows(DumpIoException.class, () -> ReaderClient.connect(reader, SHORT));
        assertEquals("the reader could not open the live source (in-process reader: "
                + "cannot read live memory (live: /proc/kcore: the kernel is locked down in confidentiality mode))", e.getMessage());
    }

    @Test
    void aReaderThatEndsBeforeAnnouncingIsReportedWithItsLastWords() {
        DumpIoException e = assertThrows(DumpIoException.class, () -> ReaderClient.connect(ScriptedReader.endsAfter(new byte[0]), SHORT));
        assertEquals("the reader ended before it announced its source (scripted reader: it exited with status 9: out of cheese)",
                e.getMessage());
    }

    @Test
    void aReaderThatNeverAnnouncesIsStopped() {
        ScriptedReader silent = ScriptedReader.hangsAfter(new byte[0]);
        DumpIoException e = assertThrows(DumpIoException.class, () -> ReaderClient.connect(silent, SHORT));
        assertEquals("no announcement from the reader within 2 s; it was stopped (scripted reader: it was killed)", e.getMessage());
        assertTrue(silent.wasKilled());
    }

    @Test
    void garbageInsteadOfAnAnnouncementIsAFormatError() {
        ScriptedReader garbage = ScriptedReader.endsAfter("[sudo] password for alice: ".getBytes());
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> ReaderClient.connect(garbage, SHORT));
        assertEquals("reader announcement: magic", e.structure());
        assertTrue(garbage.wasKilled());
    }

    @Test
    void theReaderRefusesAnythingButALiveSourceName() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReaderMain.run(new String[] {"/etc/shadow"}, java.io.InputStream.nullInputStream(), out,
                new java.io.PrintStream(err, true), s -> {
                    throw new AssertionError("nothing is opened");
                });
        assertEquals(ReaderMain.USAGE, status);
        assertEquals(0, out.size(), "nothing on the protocol pipe");
        assertTrue(err.toString().startsWith("usage: vmscope-reader live|/proc/kcore|/dev/mem|/dev/crash"));
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T assertDoesNotThrowIo(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
