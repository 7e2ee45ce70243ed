package dev.vmscope.app.hostile;

import dev.vmscope.app.cli.CliLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The command line in a JVM of its own with a small heap, as a user runs it on a file that may be hostile,
 * and what every such run must look like whatever the file holds: exit status 0, 1 or 2; at most one
 * {@code vmscope:} line on stderr, naming the file; no exception class name, no stack trace, no
 * OutOfMemoryError; and an end within a generous bound (a hang guard, not a timing assert).
 */
record CliRun(String what, int status, String out, String err, long millis) {
    static final long HANG_GUARD_SECONDS = 180;

    static CliRun run(Path dir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CliLauncher.class.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("no end within " + HANG_GUARD_SECONDS + " s: vmscope " + String.join(" ", args));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        CliRun r = new CliRun(String.join(" ", args), p.exitValue(), Files.readString(out), Files.readString(err), millis);
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static CliRun run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, List.of("-Xmx64m"), args);
    }

    /** The contract for any file: see the class comment. {@code file} is the dump's path as given. */
    CliRun assertHonest(String file) {
        String ctx = "vmscope " + what + " -> " + status + "\n" + err;
        assertTrue(status == 0 || status == 1 || status == 2, ctx);
        List<String> lines = err.lines().filter(l -> l.startsWith("vmscope:")).toList();
        assertTrue(lines.size() <= 1, "more than one error line: " + ctx);
        assertFalse(err.contains("OutOfMemoryError") || out.contains("OutOfMemoryError"), ctx);
        assertFalse(err.contains("at dev.vmscope") || err.contains("\tat "), "a stack trace: " + ctx);
        assertFalse(err.matches("(?s).*\\b[A-Z]\\w*(Exception|Error)\\b.*"), "an exception class: " + ctx);
        assertFalse(err.contains("internal error"), "an internal error: " + ctx);
        if (status == 2) {
            assertEquals(1, lines.size(), "a failure says why: " + ctx);
            assertTrue(lines.getFirst().contains(file), "the error names the file: " + ctx);
            if (!lines.getFirst().contains("not a known dump format")) {
                assertTrue(lines.getFirst().contains("offset 0x"), "a format that claimed the file says where: " + ctx);
            }
        }
        return this;
    }
}
