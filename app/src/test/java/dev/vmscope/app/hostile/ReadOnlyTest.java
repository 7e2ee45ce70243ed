package dev.vmscope.app.hostile;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command leaves the dump as it found it: the same bytes (SHA-256) and the same modification
 * time; and, recorded by strace where the machine allows it, the dump is only ever opened O_RDONLY.
 */
class ReadOnlyTest {
    static final String TEACHING = "/dev/vmscope/core/fuzz/DumpOpenFuzzTestInputs/anyBytesOpenOrFailWithAFormatError/teaching-sample";

    @TempDir
    Path dir;

    static List<String[]> commands(String f) {
        return List.of(new String[] {"info", f}, new String[] {"info", f, "--json"},
                new String[] {"vtop", f, "0xffffffff8f000000", "0xffff8c9b00001000"},
                new String[] {"rd", f, "0x1000", "--physical", "--length", "256"}, new String[] {"regs", f},
                new String[] {"map", f}, new String[] {"ptdump", f}, new String[] {"p2m", f});
    }

    private Path teaching() throws IOException {
        try (InputStream in = ReadOnlyTest.class.getResourceAsStream(TEACHING)) {
            Path p = dir.resolve("teaching.elf");
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private Path kdump() throws IOException {
        return HostileFiles.prefix(Corpus.file("x86_64-6.1-qemu-live", "dumps/vmcore-qemu.kdump-zlib"), dir.resolve("copy.kdump"), Long.MAX_VALUE);
    }

    @Test
    void everyCommandLeavesBytesAndModificationTimeAsTheyWere() throws Exception {
        for (Path dump : List.of(teaching(), kdump())) {
            Files.setLastModifiedTime(dump, FileTime.fromMillis(1_000_000_000_000L));
            String before = sha256(dump);
            for (String[] c : commands(dump.toString())) {
                CliRun r = CliRun.run(dir, List.of("-Xmx256m"), c);
                assertTrue(r.status() <= 2, r.what() + " -> " + r.status() + ": " + r.err());
                assertEquals(before, sha256(dump), String.join(" ", c) + " changed the dump's bytes");
                assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(dump), String.join(" ", c) + " changed its mtime");
            }
        }
    }

    /** Every open of the dump, recorded by strace in the command's process tree, is read-only. */
    @Test
    void theDumpIsOnlyEverOpenedReadOnly() throws Exception {
        Assumptions.assumeTrue(strace(), "strace is not installed or cannot trace here");
        Path dump = teaching();
        String java = ProcessHandle.current().info().command().orElseThrow();
        for (String[] c : commands(dump.toString())) {
            Path log = dir.resolve("strace.log");
            List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-s", "4096", "-e", "trace=open,openat,openat2,creat,truncate,ftruncate",
                    "-o", log.toString(), java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    dev.vmscope.app.cli.CliLauncher.class.getName()));
            command.addAll(List.of(c));
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(CliRun.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "no end: " + String.join(" ", c));
            List<String> opens = Files.readAllLines(log).stream().filter(l -> l.contains("\"" + dump + "\"")).toList();
            if (p.exitValue() != 2) {
                assertFalse(opens.isEmpty(), "strace saw no open of the dump: " + String.join(" ", c));
            }
            for (String l : opens) {
                Matcher m = Pattern.compile("\\b(O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND)\\b|\\b(creat|truncate)\\(").matcher(l);
                assertFalse(m.find(), String.join(" ", c) + " opened the dump for writing: " + l);
                assertTrue(l.contains("O_RDONLY"), l);
            }
            Files.delete(log);
        }
    }

    private static boolean strace() {
        try {
            Process p = new ProcessBuilder("strace", "-qq", "-e", "trace=none", "true").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
