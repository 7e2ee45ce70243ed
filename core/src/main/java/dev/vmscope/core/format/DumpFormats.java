package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.format.elf.ElfCoreFormat;
import dev.vmscope.core.io.Storage;

import java.nio.file.Path;
import java.util.List;

/** The ordered probe list: the first format that claims a source opens it. Formats are told by content only. */
public final class DumpFormats {
    private static final List<DumpFormat> PROBE_ORDER = List.of(
            new ElfCoreFormat(),
            new dev.vmscope.core.format.kdump.KdumpCompressedFormat());

    private DumpFormats() {
    }

    public static List<DumpFormat> probeOrder() {
        return PROBE_ORDER;
    }

    public static Dump open(Path path) {
        Storage storage = Storage.open(path);
        try {
            return open(storage);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** Opens a storage with the first format that claims it. The dump owns the storage from then on. */
    public static Dump open(Storage storage) {
        for (DumpFormat f : PROBE_ORDER) {
            if (f.claims(storage)) {
                return f.open(storage);
            }
        }
        String names = String.join(", ", PROBE_ORDER.stream().map(DumpFormat::name).toList());
        throw new DumpFormatException(storage.name(), 0, "not a known dump format",
                "the header of one of: " + names);
    }
}
