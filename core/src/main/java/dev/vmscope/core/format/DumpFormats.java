package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.elf.ElfCoreFormat;
import dev.vmscope.core.format.kdump.FlattenedFormat;
import dev.vmscope.core.format.kdump.KdumpCompressedFormat;
import dev.vmscope.core.format.kdump.SplitKdump;
import dev.vmscope.core.format.kcore.KcoreFormat;
import dev.vmscope.core.format.lime.LimeFormat;
import dev.vmscope.core.format.minidump.FreeBsdMinidumpFormat;
import dev.vmscope.core.format.raw.RawImage;
import dev.vmscope.core.format.xccore.XcCoreFormat;
import dev.vmscope.core.io.FlattenedStorage;
import dev.vmscope.core.io.Storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered probe list: the first format that claims a source opens it. Formats are told by content
 * only, the most specific magic first; the ELF cores that are a kind of their own (xl dump-core, a
 * /proc/kcore copy) before the general ELF reader. Raw images have no header and are never probed: {@link #openRaw} opens them on request.
 */
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
                new KdumpCompressedFormat(zeroExcluded),
                new FlattenedFormat(progress, zeroExcluded),
                new LimeFormat(),
                new FreeBsdMinidumpFormat(),
                new XcCoreFormat(progress),
                new KcoreFormat(),
                new ElfCoreFormat());
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

    /**
     * Opens one file, or the files of a {@code makedumpfile --split} set together (given in any order;
     * each may also be flattened). The set is checked for consistency and completeness.
     */
    public static Dump open(List<Path> paths, boolean zeroExcluded, Progress progress) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no dump file given");
        }
        if (paths.size() == 1) {
            return open(paths.getFirst(), zeroExcluded, progress);
        }
        List<Storage> storages = new ArrayList<>();
        try {
            for (Path p : paths) {
                Storage s = Storage.open(p);
                storages.add(s);
                if (FlattenedStorage.isFlattened(s)) {
                    storages.set(storages.size() - 1, FlattenedStorage.index(s, progress));
                }
            }
        } catch (RuntimeException e) {
            storages.forEach(Storage::close);
            throw e;
        }
        return SplitKdump.open(storages, zeroExcluded);
    }

    /** Opens what {@link SourceSpec#parse} made of a typed source: a dump file, or {@code FILE@ADDR} as a raw image. */
    public static Dump open(SourceSpec source, boolean zeroExcluded, Progress progress) {
        if (source.isRaw()) {
            return openRaw(source.path(), source.rawBase().getAsLong());
        }
        return open(source.path(), zeroExcluded, progress);
    }

    /** Opens a file as a raw image of physical memory starting at {@code base}. */
    public static Dump openRaw(Path path, long base) {
        Storage storage = Storage.open(path);
        try {
            return RawImage.open(storage, base);
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
