package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.elf.ElfCoreFormat;
import dev.vmscope.core.io.FlattenedStorage;
import dev.vmscope.core.io.Storage;

import java.util.ArrayList;
import java.util.List;

/**
 * makedumpfile's flattened format ({@code makedumpfile -F}, and what QEMU writes for its kdump-*
 * formats): the records are indexed once, then the file inside — a compressed kdump or an ELF core —
 * is opened as if it had been rearranged.
 */
public final class FlattenedFormat implements DumpFormat {
    private final Progress progress;
    private final boolean zeroExcluded;

    public FlattenedFormat(Progress progress, boolean zeroExcluded) {
        this.progress = progress;
        this.zeroExcluded = zeroExcluded;
    }

    @Override
    public String name() {
        return "makedumpfile flattened";
    }

    @Override
    public boolean claims(Storage storage) {
        return FlattenedStorage.isFlattened(storage);
    }

    @Override
    public Dump open(Storage s) {
        FlattenedStorage view = FlattenedStorage.index(s, progress);
        for (DumpFormat inner : List.of(new KdumpCompressedFormat(zeroExcluded), new ElfCoreFormat())) {
            if (inner.claims(view)) {
                Dump d = inner.open(view);
                List<FormatField> fields = new ArrayList<>();
                fields.add(new FormatField("flattened", "records resolved into", view.pieces() + " pieces"));
                fields.add(new FormatField("flattened", "rearranged size", dev.vmscope.core.Hex.of(view.size())));
                fields.add(new FormatField("flattened", "contains", d.format()));
                fields.addAll(d.header());
                return new Dump(d.source(), "kdump-flattened", d.compression(), d.architecture(), d.memory(),
                        d.notes(), d.cpus(), d.vmcoreinfo(), fields, view);
            }
        }
        throw new DumpFormatException(s.name(), 4096, "flattened data",
                "a compressed kdump (\"KDUMP   \") or an ELF core at offset 0 of the rearranged file");
    }
}
