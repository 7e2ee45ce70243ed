package dev.vmscope.core.format.live;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every open in the live path is read-only: the options of every open the live code asks for are
 * {READ}; no file of the machine changes (contents' size, mode or modification time); and no source
 * file of the live package has a way to open anything for writing.
 */
class ReadOnlyTest {
    @TempDir
    Path dir;

    @Test
    void everyOpenAsksForReadOnly() {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN.withCrashDriver());
        for (String source : List.of("live", "/proc/kcore", "/dev/mem", "/dev/crash")) {
            try (Session s = Session.open(LiveDumps.open(root.machineRoot(), source), OpenOptions.DEFAULT)) {
                assertTrue(LiveTruth.vtopMismatches(s).isEmpty(), source);
            }
        }
        Set<String> opened = new java.util.TreeSet<>();
        for (FakeRoot.Open o : root.opens()) {
            assertEquals(FileOpener.READ_ONLY, o.options(), "options of the open of " + o.path());
            opened.add("/" + dir.relativize(o.path()));
        }
        assertTrue(opened.containsAll(List.of("/proc/kcore", "/dev/mem", "/dev/crash", "/proc/iomem", "/sys/kernel/vmcoreinfo",
                "/sys/kernel/security/lockdown", "/proc/self/status")), "opened: " + opened);
    }

    @Test
    void nothingOfTheMachineChanges() throws IOException {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN.withCrashDriver().withStrictDevmem());
        Map<String, String> before = snapshot(dir);
        for (String source : List.of("live", "/dev/mem", "/dev/crash")) {
            try (Session s = Session.open(LiveDumps.open(root.machineRoot(), source), OpenOptions.DEFAULT)) {
                s.translate(0xffffffff8f000000L);
            }
        }
        assertEquals(before, snapshot(dir));
    }

    @Test
    void theSystemOpenerRefusesAnythingButRead() {
        Path file = dir.resolve("x");
        assertThrows(IllegalArgumentException.class, () -> FileOpener.SYSTEM.open(file,
                Set.of(java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)));
    }

    @Test
    void noSourceOfTheLivePackageOpensForWriting() {
        Path live = Path.of("src/main/java/dev/vmscope/core/format/live");
        assertTrue(WriteFreeSources.count(live) >= 10, "sources scanned in " + live.toAbsolutePath());
        assertEquals(List.of(), WriteFreeSources.violations(live));
    }

    @Test
    void theScanFindsWritesAndAllowsOnlyStandardOutput() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("A.java"), String.join("\n",
                "class A {",
                "  void a(Path p) throws IOException { FileChannel.open(p, StandardOpenOption.WRITE); }",
                "  OutputStream b() { return new FileOutputStream(FileDescriptor.out); }",
                "  OutputStream c(File f) throws IOException { return new FileOutputStream(f); }",
                "  // Files.write(p, bytes) in a comment is fine",
                "}"));
        assertEquals(List.of("A.java:2: void a(Path p) throws IOException { FileChannel.open(p, StandardOpenOption.WRITE); }",
                "A.java:4: OutputStream c(File f) throws IOException { return new FileOutputStream(f); }"),
                WriteFreeSources.violations(src).stream().distinct().toList());
    }

    /** Size, mode and modification time of every file under a folder, links followed to the memory image. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.size(p) + " " + Files.getPosixFilePermissions(p)
                        + " " + Files.getLastModifiedTime(p) + " " + Files.getLastModifiedTime(p.toRealPath(), LinkOption.NOFOLLOW_LINKS));
            }
        }
        assertTrue(out.size() >= 6, "files: " + out.keySet());
        return out;
    }
}
