package dev.vmscope.app.cli;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line in a JVM of its own, as a user runs it: it loads no JavaFX and none of the views,
 * writes exactly its output, and exits with its status.
 */
class CliProcessTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err, List<String> loadedClasses) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".log");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = ProcessHandle.current().info().command().orElseThrow();
        assertTrue(System.getProperty("java.class.path").contains("javafx"), "JavaFX is on the class path, yet unused");
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + log,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CliLauncher.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command line did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err),
                Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    private static void assertNoUiClasses(Result r) {
        List<String> ui = r.loadedClasses().stream()
                .filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.") || l.contains(" dev.vmscope.views."))
                .toList();
        assertEquals(List.of(), ui, "UI classes loaded on the command-line path");
        assertTrue(r.loadedClasses().stream().anyMatch(l -> l.contains(" dev.vmscope.app.cli.Cli ")), "the log lists classes");
    }

    @Test
    void versionInItsOwnProcess() throws Exception {
        Result r = launch("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().matches("vmscope \\S+\\R"), r.out());
        assertEquals("", r.err());
        assertNoUiClasses(r);
    }

    @Test
    void translationInItsOwnProcessTouchesNoUi() throws Exception {
        String dump = Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf").toString();
        Result r = launch("vtop", dump, "--json", "0xffffffff8f000000", "0xffffffff92a00000");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().startsWith("[{\"address\":\"0xffffffff8f000000\""), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertNoUiClasses(r);
    }

    @Test
    void errorInItsOwnProcessIsOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("text"), "not a dump");
        Result r = launch("info", text.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vmscope: not a known dump format (" + text + ", offset 0x0: "), r.err());
        assertNoUiClasses(r);
    }
}
