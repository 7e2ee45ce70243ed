package dev.vmscope.core.format.convert;

import dev.vmscope.core.DumpIoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where a conversion writes: never one of the sources (also through a symbolic or hard link:
 * {@link Files#isSameFile}). A regular file — or a name not yet taken — is written beside and moved into
 * place when complete ({@link ReplacedFile}); an existing device or pipe, such as {@code /dev/null} or a
 * FIFO, is written in place, front to back ({@link StreamedOutput}), and is never replaced.
 * Positions are written in increasing order.
 */
sealed interface OutputFile extends AutoCloseable permits ReplacedFile, StreamedOutput {

    static OutputFile create(Path output, Collection<Path> sources) {
        for (Path source : sources) {
            if (isSame(output, source)) {
                throw new IllegalArgumentException("refusing to write " + output + ": it is the source dump "
                        + source + " (choose another output file)");
            }
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException("refusing to write " + output + ": it is a directory");
        }
        if (Files.exists(output) && !Files.isRegularFile(output)) {
            return StreamedOutput.open(output);
        }
        return ReplacedFile.create(output);
    }

    private static boolean isSame(Path output, Path source) {
        try {
            return Files.exists(output) && Files.exists(source) && Files.isSameFile(output, source);
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot compare the output with the source " + source, e);
        }
    }

    /** Writes all of {@code data[0, length)} at {@code position}, which is not below any position written before. */
    void write(long position, byte[] data, int length);

    /** Makes the output {@code size} bytes long; what was not written reads as zeros. */
    void extendTo(long size);

    /** Completes the output: after this it holds the whole conversion under its name. */
    void commit();

    /** Releases the output; one not committed leaves nothing behind where that is possible. */
    @Override
    void close();
}
