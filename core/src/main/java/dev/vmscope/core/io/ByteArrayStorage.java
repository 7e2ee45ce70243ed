package dev.vmscope.core.io;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;

/** Bytes held in memory: bundled samples and test dumps. */
public final class ByteArrayStorage implements Storage {
    private final String name;
    private final byte[] data;

    public ByteArrayStorage(String name, byte[] data) {
        this.name = name;
        this.data = data.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        if (!contains(offset, length)) {
            throw new DumpFormatException(name, offset, "read of " + length + " bytes",
                    "a range inside the data (size " + Hex.of(data.length) + ")");
        }
        System.arraycopy(data, (int) offset, dst, dstOffset, length);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
