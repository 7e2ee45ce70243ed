package dev.vmscope.core.format.convert;

import dev.vmscope.core.DumpIoException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A conversion written into an existing device or pipe ({@code /dev/null}, a FIFO, {@code /dev/stdout}):
 * opened for writing without creating or truncating anything, and written front to back — such outputs
 * cannot seek, so a gap between two writes (a raw image's hole) is written as zeros.
 */
final class StreamedOutput implements OutputFile {
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private final Path output;
    private final FileChannel channel;
    private long position;

    private StreamedOutput(Path output, FileChannel channel) {
        this.output = output;
        this.channel = channel;
    }

    static StreamedOutput open(Path output) {
        try {
            return new StreamedOutput(output, FileChannel.open(output, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot open the output for writing", e);
        }
    }

    @Override
    public void write(long position, byte[] data, int length) {
        if (position < this.position) {
            throw new IllegalStateException("output " + output + " is written front to back: position " + position
                    + " is behind " + this.position);
        }
        zerosUpTo(position);
        drain(ByteBuffer.wrap(data, 0, length));
    }

    @Override
    public void extendTo(long size) {
        zerosUpTo(size);
    }

    private void zerosUpTo(long end) {
        while (position < end) {
            drain(ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), end - position)));
        }
    }

    private void drain(ByteBuffer b) {
        try {
            while (b.hasRemaining()) {
                position += channel.write(b);
            }
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot write the output", e);
        }
    }

    /** Nothing to move into place: every byte went to the output as it was written. */
    @Override
    public void commit() {
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new DumpIoException(output.toString(), "cannot close the output", e);
        }
    }
}
