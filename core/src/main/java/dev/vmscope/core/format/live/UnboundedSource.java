package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;

/**
 * A source whose reported size is not to be trusted as a bound: /proc/kcore's size is computed when
 * the file is created and memory hot-plugged later lies beyond it, so reads go to the kernel and it
 * answers for every offset.
 */
final class UnboundedSource implements PositionalStorage.Source {
    private final PositionalStorage.Source source;

    UnboundedSource(PositionalStorage.Source source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long size() {
        return Long.MAX_VALUE;
    }

    @Override
    public int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        return source.read(position, dst, dstOffset, length);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
