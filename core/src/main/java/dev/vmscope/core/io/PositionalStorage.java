package dev.vmscope.core.io;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.Hex;

import java.io.IOException;

/**
 * Positional reads through a {@link Source} that code outside this package opened: live devices
 * reached under a configurable machine root, or a privileged reader process at the other end of a
 * pipe. Failures of the source become {@link DumpIoException}s naming the source and the offset.
 */
public final class PositionalStorage implements Storage {

    /** What a positional storage reads from; read-only by construction (there is no write). */
    public interface Source extends AutoCloseable {
        /** The name used in messages. */
        String name();

        /** Size in bytes, or {@link Long#MAX_VALUE} when the source cannot tell (a device). */
        long size();

        /**
         * Reads up to {@code length} bytes at {@code position}, like {@code pread}.
         *
         * @return the number of bytes read (at least 1), or -1 at the end of the source
         */
        int read(long position, byte[] dst, int dstOffset, int length) throws IOException;

        @Override
        void close() throws IOException;
    }

    private final Source source;

    public PositionalStorage(Source source) {
        this.source = java.util.Objects.requireNonNull(source);
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
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        if (!contains(offset, length)) {
            throw new DumpFormatException(name(), offset, "read of " + length + " bytes",
                    "a range inside the source (size " + Hex.of(size()) + ")");
        }
        int done = 0;
        while (done < length) {
            long position = offset + done;
            int n;
            try {
                n = source.read(position, dst, dstOffset + done, length - done);
            } catch (IOException e) {
                throw new DumpIoException(name(), "read of " + (length - done) + " bytes at " + Hex.of(position) + " failed", e);
            }
            if (n <= 0 || n > length - done) {
                throw new DumpFormatException(name(), position, "read of " + length + " bytes",
                        "data, found " + (n < 0 ? "the end of the source" : n + " bytes"));
            }
            done += n;
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException ignored) {
            // a read-only source loses nothing when its close fails
        }
    }
}
