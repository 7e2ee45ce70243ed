package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.elf.ElfCoreFormat;
import dev.vmscope.core.format.kdump.FlattenedFormat;
import dev.vmscope.core.format.kdump.KdumpCompressedFormat;
import dev.vmscope.core.format.minidump.FreeBsdMinidumpFormat;
import dev.vmscope.core.format.xccore.XcCoreFormat;
import dev.vmscope.core.io.Storage;

import java.nio.file.Path;
import java.util.List;

/** The ordered probe list: the first format that claims a source opens it. Formats are told by content only. */
public final class DumpFormats {
    private DumpFormats() {
    }

    /**
     * The formats in the order they are asked.
     *
     * @param zeroExcluded read pages that filtering excluded as zeros (like crash's --zero_excluded)
     */
    public static List<DumpFormat> probeOrder(boolean zeroExcluded, Progress progress) {
        return List.of(
                new XcCoreFormat(progress),
                new ElfCoreFormat(),
                new KdumpCompressedFormat(zeroExcluded),
                new FlattenedFormat(progress, zeroExcluded),
                new FreeBsdMinidumpFormat());
    }

    public static Dump open(Path path) {
        return open(path, false, Progress.NONE);
    }

    public static Dump open(Path path, boolean zeroExcluded, Progress progress) {
        Storage storage = Storage.open(path);
        try {
            return open(storage, zeroExcluded, progress);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    public static Dump open(Storage storage) {
        return open(storage, false, Progress.NONE);
    }

    /** Opens a storage with the first format that claims it. The dump owns the storage from then on. */
    public static Dump open(Storage storage, boolean zeroExcluded, Progress progress) {
        List<DumpFormat> formats = probeOrder(zeroExcluded, progress);
        for (DumpFormat f : formats) {
            if (f.claims(storage)) {
                return f.open(storage);
            }
        }
        String names = String.join(", ", formats.stream().map(DumpFormat::name).toList());
        throw new DumpFormatException(storage.name(), 0, "not a known dump format",
                "the header of one of: " + names);
    }
}
