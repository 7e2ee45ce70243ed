package dev.vmscope.core.format.convert;

import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.kdump.KdumpCompressedFormat;
import dev.vmscope.core.io.FlattenedStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.nio.file.Path;
import java.util.List;

/**
 * A flattened compressed kdump written back as the compressed kdump its records stand for: each written
 * piece of the rearranged file copied to its offset, in order, and the bytes no record wrote left as holes
 * (they read as zeros, as in the file {@code makedumpfile -R} makes). Nothing is decompressed.
 */
final class RearrangedKdump {
    private static final int CHUNK = 1 << 20;

    private RearrangedKdump() {
    }

    /** @throws IllegalArgumentException when the dump is not a flattened compressed kdump */
    static ConvertResult write(Dump dump, OutputFile out, Path output, Progress progress) {
        FlattenedStorage view = flattenedKdump(dump);
        List<FlattenedStorage.Piece> pieces = view.layout();
        long total = pieces.stream().mapToLong(FlattenedStorage.Piece::length).sum();
        String what = "Rearranging " + output.getFileName();
        byte[] buf = new byte[CHUNK];
        long copied = 0;
        for (FlattenedStorage.Piece piece : pieces) {
            for (long done = 0; done < piece.length(); ) {
                int n = (int) Math.min(CHUNK, piece.length() - done);
                view.read(piece.offset() + done, buf, 0, n);
                out.write(piece.offset() + done, buf, n);
                done += n;
                copied += n;
                progress.update(what, copied, total);
                progress.checkCancelled();
            }
        }
        out.extendTo(view.size());
        long memory = dump.memory().ranges().stream().filter(r -> r.kind() == RangeKind.RAM).mapToLong(MemoryRange::size).sum();
        return new ConvertResult(output, ConvertOptions.Target.KDUMP, view.size(), memory, pieces.size(), 0);
    }

    /** Whether the dump is a flattened compressed kdump, the only kind written back as a compressed kdump. */
    static boolean possible(Dump dump) {
        return dump.storage() instanceof FlattenedStorage view && new KdumpCompressedFormat(false).claims(view);
    }

    private static FlattenedStorage flattenedKdump(Dump dump) {
        if (possible(dump)) {
            return (FlattenedStorage) dump.storage();
        }
        String inner = dump.storage() instanceof FlattenedStorage ? "a flattened ELF core" : "a " + dump.format() + " dump";
        throw new IllegalArgumentException("only a flattened compressed kdump can be written back as a compressed kdump; "
                + dump.source() + " is " + inner + " (write it as ELF or raw instead)");
    }
}
