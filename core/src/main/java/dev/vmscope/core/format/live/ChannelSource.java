package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A file or device read with {@code pread} through a {@link FileChannel}; never mapped, because
 * /proc/kcore and /dev/mem are not files that mapping suits. Devices report size 0, taken as unknown.
 */
final class ChannelSource implements PositionalStorage.Source {
    private final String name;
    private final FileChannel channel;
    private final long size;

    private ChannelSource(String name, FileChannel channel, long size) {
        this.name = name;
        this.channel = channel;
        this.size = size;
    }

    static ChannelSource open(Path path, Set<StandardOpenOption> options) throws IOException {
        if (!FileOpener.READ_ONLY.equals(options)) {
            throw new IllegalArgumentException("live sources are opened read-only, not with " + options);
        }
        FileChannel channel = FileChannel.open(path, options);
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            size = 0;
        }
        return new ChannelSource(path.toString(), channel, size <= 0 ? Long.MAX_VALUE : size);
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
    public int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        int n = channel.read(ByteBuffer.wrap(dst, dstOffset, length), position);
        return n == 0 && length > 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
