package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;
import java.util.Arrays;

/**
 * /dev/mem of an x86 kernel with CONFIG_STRICT_DEVMEM: a read touching a RAM page at or above 1 MiB
 * fails with EPERM; RAM below 1 MiB reads as zeros; everything else reads through.
 */
final class StrictDevmemDevice implements PositionalStorage.Source {
    private static final long ONE_MIB = 1 << 20;
    private final PositionalStorage.Source device;
    private final CorpusMachine machine;

    StrictDevmemDevice(PositionalStorage.Source device, CorpusMachine machine) {
        this.device = device;
        this.machine = machine;
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public long size() {
        return device.size();
    }

    @Override
    public int read(long position, byte[] dst, int dstOffset, int length) throws IOException {
        int n = (int) Math.min(length, 4096 - (position & 4095));
        if (machine.isRam(position)) {
            if (position >= ONE_MIB) {
                throw new IOException("Operation not permitted");
            }
            Arrays.fill(dst, dstOffset, dstOffset + n, (byte) 0);
            return n;
        }
        return device.read(position, dst, dstOffset, n);
    }

    @Override
    public void close() throws IOException {
        device.close();
    }
}
