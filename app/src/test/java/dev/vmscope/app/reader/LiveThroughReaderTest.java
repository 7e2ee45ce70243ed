package dev.vmscope.app.reader;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.live.FakeKernel;
import dev.vmscope.core.format.live.FakeRoot;
import dev.vmscope.core.format.live.LiveDumps;
import dev.vmscope.core.format.live.LiveTruth;
import dev.vmscope.core.format.live.Lockdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole live path through the reader protocol: the reader opens a fake root of the corpus machine,
 * vmscope reads it only through the pipe, and every fact, translation and byte matches the truth.
 */
class LiveThroughReaderTest {
    @TempDir
    Path dir;

    private InProcessReader reader(FakeKernel kernel, String source) throws IOException {
        FakeRoot root = FakeRoot.build(dir, kernel);
        return new InProcessReader(source, s -> LiveDumps.open(root.machineRoot(), s));
    }

    static String field(Session s, String name) {
        return s.dump().header().stream().filter(f -> f.section().equals("Live source") && f.name().equals(name))
                .map(FormatField::value).findFirst().orElseThrow(() -> new AssertionError("no field " + name));
    }

    @Test
    void liveThroughTheReaderGivesTheTruth() throws Exception {
        InProcessReader reader = reader(FakeKernel.OPEN, "live");
        try (Session s = LiveOpener.open(reader, OpenOptions.DEFAULT, ReaderTimeouts.DEFAULT)) {
            assertEquals("kcore", s.dump().format());
            assertEquals(Architecture.X86_64, s.dump().architecture());
            assertEquals(LiveTruth.release(), s.kernel().orElseThrow().release().orElseThrow());
            assertEquals("x86_64-4level", s.kernel().orElseThrow().mode().id());
            assertEquals("the first of /proc/kcore, /dev/mem, /dev/crash that this machine allows", field(s, "chosen because"));
            assertTrue(field(s, "reader").startsWith("in-process reader, answering reads of at most 1048576 bytes"));
            assertTrue(LiveDumps.isLive(s.dump()));
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
            assertEquals(List.of(), LiveTruth.pbytesMismatches(s, LiveTruth.kcorePhysicalRanges()));
        }
        assertEquals(ReaderMain.SERVED, reader.exitStatus(), "closing the session ends the reader");
    }

    @Test
    void devMemThroughTheReaderReadsSystemRam() throws Exception {
        try (Session s = LiveOpener.open(reader(FakeKernel.OPEN, "/dev/mem"), OpenOptions.DEFAULT, ReaderTimeouts.DEFAULT)) {
            assertEquals("devmem", s.dump().format());
            assertTrue(s.dump().vmcoreinfo().orElseThrow().origin().endsWith("(from /sys/kernel/vmcoreinfo)"));
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
            assertEquals(List.of(), LiveTruth.pbytesMismatches(s, LiveTruth.iomemRam()));
        }
    }

    @Test
    void strictDevmemBehindTheReaderFallsBackToKcore() throws Exception {
        try (Session s = LiveOpener.open(reader(FakeKernel.OPEN.withStrictDevmem(), "/dev/mem"), OpenOptions.DEFAULT, ReaderTimeouts.DEFAULT)) {
            assertEquals("kcore", s.dump().format());
            assertEquals("/dev/mem was refused; /proc/kcore gives the same physical memory", field(s, "chosen because"));
            assertTrue(field(s, "refused /dev/mem").startsWith("the kernel is built with CONFIG_STRICT_DEVMEM"));
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
        }
    }

    @Test
    void lockdownBehindTheReaderIsExplained() throws Exception {
        InProcessReader reader = reader(FakeKernel.OPEN.withLockdown(Lockdown.CONFIDENTIALITY), "live");
        DumpIoException e = assertThrows(DumpIoException.class, () -> LiveOpener.open(reader, OpenOptions.DEFAULT, ReaderTimeouts.DEFAULT));
        assertEquals("the reader could not open the live source (in-process reader: cannot read live memory (live: "
                + "/proc/kcore: the kernel is locked down in confidentiality mode, which closes /proc/kcore even to root; "
                + "/dev/mem: the kernel is locked down in confidentiality mode, which closes /dev/mem even to root; "
                + "/dev/crash: not present (the crash driver module is not loaded: modprobe crash)))", e.getMessage());
        assertEquals(ReaderMain.REFUSED, reader.exitStatus());
    }
}
