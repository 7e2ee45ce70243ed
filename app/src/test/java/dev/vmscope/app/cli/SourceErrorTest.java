package dev.vmscope.app.cli;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources that cannot be read: every command says so in one line naming the file, and exits with 2. */
class SourceErrorTest {
    private static final List<String> COMMANDS = List.of("info", "regs", "map", "vtop", "rd");
    private static final Pattern FILE_AND_OFFSET = Pattern.compile(".*, offset 0x[0-9a-f]+: .+\\)$");

    @TempDir
    Path dir;

    private static CliRun run(String command, Path source, boolean json) {
        List<String> args = new java.util.ArrayList<>(List.of(command, source.toString()));
        if (command.equals("vtop") || command.equals("rd")) {
            args.add("0xffffffff81000000");
        }
        if (json) {
            args.add("--json");
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLine(CliRun r, Path source, boolean withOffset) {
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errorLines().size(), r.stderr());
        String line = r.errorLines().getFirst();
        assertTrue(line.startsWith("vmscope: "), line);
        assertTrue(line.contains(source.toString()), line);
        if (withOffset) {
            assertTrue(FILE_AND_OFFSET.matcher(line).matches(), line);
        }
        assertTrue(!r.stderr().contains("\tat ") && !r.stderr().contains("Exception"), r.stderr());
        assertEquals(0, r.stdout().length, "nothing on stdout when the source cannot be opened");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("no-such-vmcore");
        for (String command : COMMANDS) {
            CliRun r = run(command, missing, false);
            assertOneLine(r, missing, false);
            assertEquals("vmscope: cannot open (" + missing + ": no such file)", r.errorLines().getFirst());
        }
    }

    @Test
    void textFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a dump\n");
        for (String command : COMMANDS) {
            assertOneLine(run(command, text, false), text, true);
            assertOneLine(run(command, text, true), text, true);
        }
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.vmcore"));
        for (String command : COMMANDS) {
            assertOneLine(run(command, empty, false), empty, true);
        }
    }

    @Test
    void truncatedElf() throws IOException {
        Path truncated = dir.resolve("truncated.elf");
        try (InputStream in = Files.newInputStream(Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf"))) {
            Files.write(truncated, in.readNBytes(100));
        }
        for (String command : COMMANDS) {
            CliRun r = run(command, truncated, false);
            assertOneLine(r, truncated, true);
            assertTrue(r.stderr().contains("ELF program header"), r.stderr());
        }
    }

    @Test
    void directoryInsteadOfAFile() {
        CliRun r = run("info", dir, false);
        assertEquals(2, r.status());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("vmscope: ") && r.stderr().contains(dir.toString()), r.stderr());
    }
}
