package dev.vmscope.core.format.kdump;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.CpuStates;

import java.nio.charset.StandardCharsets;

/**
 * makedumpfile's compressed kdump ({@code "KDUMP   "}, legacy {@code "DISKDUMP"}), also what QEMU's
 * {@code dump-guest-memory} writes as {@code kdump-raw-*} (and, flattened, as {@code kdump-*}): header,
 * sub-header with VMCOREINFO and the ELF notes, page bitmaps, 24-byte page descriptors, page data.
 * Opening reads the headers, the bitmaps and — while that stays small — the descriptors; page data is
 * read on demand. One part of a {@code --split} set opens alone with the pages of its own pfn range;
 * {@link SplitKdump} opens a whole set.
 */
public final class KdumpCompressedFormat implements DumpFormat {
    private final boolean zeroExcluded;

    public KdumpCompressedFormat() {
        this(false);
    }

    /** @param zeroExcluded read pages excluded by filtering as zeros instead of reporting them */
    public KdumpCompressedFormat(boolean zeroExcluded) {
        this.zeroExcluded = zeroExcluded;
    }

    @Override
    public String name() {
        return "compressed kdump";
    }

    @Override
    public boolean claims(Storage storage) {
        if (!storage.contains(0, 8)) {
            return false;
        }
        String sig = new String(storage.read(0, 8), StandardCharsets.ISO_8859_1);
        return sig.equals("KDUMP   ") || sig.equals("DISKDUMP");
    }

    @Override
    public Dump open(Storage s) {
        KdumpFile file = KdumpFileReader.read(s);
        return new Dump(s.name(), "kdump-compressed", file.census().compression(file.header().compression()),
                file.architecture(), file.memory(zeroExcluded), file.notes(), CpuStates.decode(file.notes(), file.architecture()),
                file.vmcoreinfo(), KdumpFields.of(file), s);
    }
}
