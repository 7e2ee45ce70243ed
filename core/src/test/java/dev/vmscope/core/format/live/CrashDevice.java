package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;

/** The crash driver's /dev/crash: a read that spans two pages fails with EINVAL. */
final class CrashDevice implements PositionalStorage.Source {
    private final PositionalStorage.Source device;

    CrashDevice(PositionalStorage.Source device) {
        this.device = device;
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public long size() {
        return Long.MAX_VALUE;
    }

    @Override
    public int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        if (length > 0 && position >>> 12 != (position + length - 1) >>> 12) {
            throw new IOException("Invalid argument");
        }
        return device.read(position, dst, dstOffset, length);
    }

    @Override
    public void close() throws IOException {
        device.close();
    }
}
