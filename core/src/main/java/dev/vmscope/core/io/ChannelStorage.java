package dev.vmscope.core.io;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.Hex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Positional reads through a read-only channel: devices such as /dev/mem, and files that cannot be mapped. */
public final class ChannelStorage implements Storage {
    private final String name;
    private final FileChannel channel;
    private final long size;

    private ChannelStorage(String name, FileChannel channel, long size) {
        this.name = name;
        this.channel = channel;
        this.size = size;
    }

    static ChannelStorage open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            size = 0;
        }
        return new ChannelStorage(path.toString(), channel, size == 0 ? Long.MAX_VALUE : size);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        if (!contains(offset, length)) {
            throw new DumpFormatException(name, offset, "read of " + length + " bytes",
                    "a range inside the source (size " + Hex.of(size) + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(dst, dstOffset, length);
        long position = offset;
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new DumpFormatException(name, position, "read of " + length + " bytes",
                            "data, found the end of the source");
                }
                position += n;
            }
        } catch (IOException e) {
            throw new DumpIoException(name, "read at " + Hex.of(position) + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel loses nothing
        }
    }
}
