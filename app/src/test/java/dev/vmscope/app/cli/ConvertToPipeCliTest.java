package dev.vmscope.app.cli;

import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.SpecFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** convert into a pipe (or a device such as /dev/null) streams into it, says so, and leaves it a pipe. */
class ConvertToPipeCliTest {
    @TempDir
    Path dir;

    @Test
    void anElfVmcoreStreamsIntoANamedPipe() throws Exception {
        Path src = SpecFiles.write(KdumpSpecParser.resource("/dev/vmscope/core/format/kdump/zlib-64bit.spec"), dir).getFirst();
        Path file = dir.resolve("copy.elf");
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0, "mkfifo makes a named pipe");
        CompletableFuture<byte[]> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CliRun toFile = CliRun.of("convert", src.toString(), "--to", "elf", file.toString());
        CliRun toPipe = CliRun.of("convert", src.toString(), "--to", "elf", fifo.toString());
        assertEquals(0, toFile.status(), toFile::toString);
        assertEquals(0, toPipe.status(), toPipe::toString);
        assertArrayEquals(Files.readAllBytes(file), drained.get(30, TimeUnit.SECONDS));
        assertTrue(toPipe.out().startsWith("wrote an ELF vmcore into " + fifo + " (not a file: written front to back"), toPipe.out());
        assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe");
    }
}
