package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Storage;

/**
 * Finds and decodes the data of one dumped page of a kdump file: descriptor by rank, size and offset
 * checked against the file, then the codec its flags name. Thread-safe (codecs are per thread).
 */
final class KdumpPages {
    private final KdumpFile file;

    KdumpPages(KdumpFile file) {
        this.file = file;
    }

    /** The descriptor of a dumped page, by its index among this file's descriptors. */
    PageDescriptor descriptor(long descriptorIndex) {
        Storage s = file.storage();
        long at = file.descriptorsAt() + descriptorIndex * PageDescriptor.SIZE;
        if (!s.contains(at, PageDescriptor.SIZE)) {
            throw new DumpFormatException(s.name(), at, "page descriptor " + descriptorIndex,
                    "24 bytes inside the file (size " + Hex.of(s.size()) + ")");
        }
        return DescriptorCensus.decode(s.read(at, PageDescriptor.SIZE), 0);
    }

    /** Decodes the dumped page at bitmap index {@code index} into {@code dst[offset, offset + block_size)}. */
    void decode(long index, byte[] dst, int offset) {
        Storage s = file.storage();
        int blockSize = file.blockSize();
        long descriptorIndex = file.descriptorIndex(index);
        PageDescriptor pd = descriptor(descriptorIndex);
        long at = file.descriptorsAt() + descriptorIndex * PageDescriptor.SIZE;
        String where = "page descriptor of pfn " + Hex.of(index + file.pfnOffset());
        if (pd.offset() == 0 && pd.size() == 0) {
            throw new DumpFormatException(s.name(), at, where,
                    "a written descriptor; this one is all zero, but the header does not say the dump is incomplete");
        }
        if (pd.size() <= 0 || pd.size() > 2 * blockSize || !s.contains(pd.offset(), pd.size())) {
            throw new DumpFormatException(s.name(), at, where + ": offset/size",
                    "at most " + Hex.of(2L * blockSize) + " bytes of page data inside the file (size " + Hex.of(s.size())
                            + "), found " + Hex.of(pd.size() & 0xffffffffL) + " bytes at " + Hex.of(pd.offset()));
        }
        PageCodec codec = PageCodec.fromFlags(pd.flags());
        if (codec == null) {
            throw new DumpFormatException(s.name(), at + 12, where + ": flags",
                    "one of zlib 0x1, lzo 0x2, snappy 0x4, zstd 0x20 or 0 (stored), found " + Hex.of(pd.flags() & 0xffffffffL));
        }
        if (codec == PageCodec.NONE && pd.size() != blockSize) {
            throw new DumpFormatException(s.name(), at + 8, where + ": size",
                    "a stored (uncompressed) page of exactly " + Hex.of(blockSize) + " bytes, found " + Hex.of(pd.size()));
        }
        byte[] data = s.read(pd.offset(), pd.size());
        int produced;
        try {
            produced = codec.decode(data, data.length, dst, offset, blockSize);
        } catch (IllegalArgumentException e) {
            throw new DumpFormatException(s.name(), pd.offset(), where + ": " + codec.id() + " page data",
                    "a page of " + Hex.of(blockSize) + " bytes (" + e.getMessage() + ")");
        }
        if (produced != blockSize) {
            throw new DumpFormatException(s.name(), pd.offset(), where + ": " + codec.id() + " page data",
                    "a page of " + Hex.of(blockSize) + " bytes, decoded " + Hex.of(Math.max(produced, 0)));
        }
    }
}
