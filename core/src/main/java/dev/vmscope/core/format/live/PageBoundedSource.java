package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;

/**
 * Reads that never cross a page boundary: the crash driver answers EINVAL to a read that spans two
 * pages. 4 KiB chunks stay inside a page whatever the kernel's page size.
 */
final class PageBoundedSource implements PositionalStorage.Source {
    static final int PAGE = 4096;
    private final PositionalStorage.Source source;

    PageBoundedSource(PositionalStorage.Source source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        int inPage = (int) Math.min(length, PAGE - (position & (PAGE - 1)));
        return source.read(position, dst, dstOffset, inPage);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
