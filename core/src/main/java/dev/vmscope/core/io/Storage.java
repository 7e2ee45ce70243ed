package dev.vmscope.core.io;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.DumpIoException;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a source, read-only, addressed by 64-bit offsets. Files are memory-mapped; devices
 * and other non-regular files are read positionally; tests and bundled samples use byte arrays.
 */
public sealed interface Storage extends AutoCloseable permits MappedFileStorage, ChannelStorage, ByteArrayStorage, FlattenedStorage, PositionalStorage {

    /** The name used in messages (the path as given). */
    String name();

    /** Size in bytes, or {@link Long#MAX_VALUE} for a device whose size is unknown. */
    long size();

    /**
     * Copies {@code length} bytes at {@code offset} into {@code dst}.
     *
     * @throws DumpFormatException when the range lies outside the storage
     */
    void read(long offset, byte[] dst, int dstOffset, int length);

    @Override
    void close();

    default byte[] read(long offset, int length) {
        byte[] b = new byte[length];
        read(offset, b, 0, length);
        return b;
    }

    default boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size() && length <= size() - offset;
    }

    /** Reads a little- or big-endian unsigned integer of 1, 2, 4 or 8 bytes. */
    default long readUnsigned(long offset, int width, ByteOrder order) {
        byte[] b = read(offset, width);
        return Bytes.unsigned(b, 0, width, order);
    }

    /**
     * Opens a path read-only: regular files are mapped, anything else is read positionally — and so is a
     * file too large for the address space to map (a sparse copy of /proc/kcore is 128 TiB long).
     */
    static Storage open(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                try {
                    return MappedFileStorage.open(path);
                } catch (IOException mapFailed) {
                    if (!Files.isReadable(path)) {
                        throw mapFailed;
                    }
                    return ChannelStorage.open(path);
                }
            }
            return ChannelStorage.open(path);
        } catch (IOException e) {
            throw new DumpIoException(path.toString(), "cannot open", e);
        }
    }
}
