package dev.vmscope.core.io;

import dev.vmscope.core.DumpFormatException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A regular file mapped read-only as one {@link MemorySegment}; any size, nothing read up front. */
public final class MappedFileStorage implements Storage {
    private final String name;
    private final Arena arena;
    private final MemorySegment segment;

    private MappedFileStorage(String name, Arena arena, MemorySegment segment) {
        this.name = name;
        this.arena = arena;
        this.segment = segment;
    }

    static MappedFileStorage open(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            Arena arena = Arena.ofShared();
            MemorySegment segment = size == 0
                    ? MemorySegment.NULL.reinterpret(0)
                    : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            return new MappedFileStorage(path.toString(), arena, segment);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return segment.byteSize();
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        if (!contains(offset, length)) {
            throw new DumpFormatException(name, offset, "read of " + length + " bytes",
                    "a range inside the file (size " + dev.vmscope.core.Hex.of(size()) + ")");
        }
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, dst, dstOffset, length);
    }

    /** A read-only view of {@code length} bytes at {@code offset}, for bulk consumers. */
    public MemorySegment slice(long offset, long length) {
        return segment.asSlice(offset, length).asReadOnly();
    }

    @Override
    public void close() {
        arena.close();
    }
}
