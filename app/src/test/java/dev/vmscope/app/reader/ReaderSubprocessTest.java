package dev.vmscope.app.reader;

import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.live.CorpusMachine;
import dev.vmscope.core.format.live.LiveTruth;
import dev.vmscope.core.io.Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader as a real process (the test class path, a fake root instead of this machine's devices):
 * its pipes, its exit when vmscope closes the session, and a reader killed in the middle of a session.
 */
class ReaderSubprocessTest {
    private static final ReaderTimeouts TIMEOUTS = new ReaderTimeouts(Duration.ofMinutes(2), Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private ProcessConnection start(String kernel, String source) throws Exception {
        CorpusMachine.get();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String p : List.of("vmscope.corpus", "vmscope.testdata")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.addAll(List.of(FakeRootReaderMain.class.getName(), dir.toString(), kernel, source));
        return ProcessConnection.start(command, "test class path");
    }

    @Test
    void aReaderProcessServesTheWholeSessionAndEndsWithIt() throws Exception {
        ProcessConnection reader = start("open", "live");
        try (Session s = LiveOpener.open(reader, OpenOptions.DEFAULT, TIMEOUTS)) {
            assertEquals("kcore", s.dump().format());
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
        }
        assertEquals("it exited with status 0", reader.fate());
    }

    @Test
    void aReaderKilledDuringTheSessionGivesAClearError() throws Exception {
        ProcessConnection reader = start("open", "/dev/mem");
        try (Session s = LiveOpener.open(reader, OpenOptions.DEFAULT, TIMEOUTS)) {
            s.read(Space.PHYSICAL, 0x100000, 64);
            ProcessHandle process = ProcessHandle.of(reader.pid()).orElseThrow();
            process.destroyForcibly();
            process.onExit().get();
            DumpIoException e = assertThrows(DumpIoException.class, () -> s.read(Space.PHYSICAL, 0x100000, 64));
            assertTrue(e.getMessage().startsWith("read of 64 bytes at 0x100000 failed (" + reader.name() + ": the reader stopped answering: "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("(it exited with status 137))"), e.getMessage());
            assertThrows(DumpIoException.class, () -> s.translate(0xffffffff8f000000L).result());
        }
    }

    @Test
    void aReaderProcessThatIsRefusedSaysWhyAndExits() throws Exception {
        ProcessConnection reader = start("confidentiality", "/proc/kcore");
        DumpIoException e = assertThrows(DumpIoException.class, () -> LiveOpener.open(reader, OpenOptions.DEFAULT, TIMEOUTS));
        assertEquals("the reader could not open the live source (" + reader.name() + ": cannot read live memory (/proc/kcore: "
                + "the kernel is locked down in confidentiality mode, which closes /proc/kcore even to root))", e.getMessage());
    }
}
