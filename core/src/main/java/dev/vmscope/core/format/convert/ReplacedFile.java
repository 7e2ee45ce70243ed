package dev.vmscope.core.format.convert;

import dev.vmscope.core.DumpIoException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A conversion's output that is (or will be) a regular file: written as a temporary file beside it, and
 * moved into place only when complete, so neither a failed nor a cancelled conversion leaves half a dump
 * under the output's name.
 */
final class ReplacedFile implements OutputFile {
    private final Path output;
    private final Path temp;
    private final FileChannel channel;
    private boolean committed;

    private ReplacedFile(Path output, Path temp, FileChannel channel) {
        this.output = output;
        this.temp = temp;
        this.channel = channel;
    }

    static ReplacedFile create(Path output) {
        Path dir = output.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, "." + output.getFileName(), ".partial");
            return new ReplacedFile(output, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot create the output file", e);
        }
    }

    @Override
    public void write(long position, byte[] data, int length) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        long at = position;
        try {
            while (b.hasRemaining()) {
                at += channel.write(b, at);
            }
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot write the output file", e);
        }
    }

    /** Makes the file {@code size} bytes long without writing the gap: the hole reads as zeros. */
    @Override
    public void extendTo(long size) {
        try {
            if (channel.size() < size) {
                channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot write the output file", e);
        }
    }

    /** Flushes the file and moves it to the output's name. */
    @Override
    public void commit() {
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot complete the output file", e);
        }
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() {
        try {
            channel.close();
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new DumpIoException(temp.toString(), "cannot remove the unfinished output file", e);
        }
    }
}
