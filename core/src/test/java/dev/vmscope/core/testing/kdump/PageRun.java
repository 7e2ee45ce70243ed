package dev.vmscope.core.testing.kdump;

import java.util.Objects;

/**
 * Pfns {@code [from, to)} of one kind; stored pages are compressed with {@code codec} ({@code zlib},
 * {@code lzo}, {@code snappy}, {@code zstd} or {@code none}).
 *
 * @param origin where the run was described (file and line), for messages
 */
public record PageRun(long from, long to, PageKind kind, String codec, String origin) {
    public PageRun {
        if (to <= from) {
            throw new IllegalArgumentException(origin + ": empty pfn range " + from + ".." + to);
        }
        Objects.requireNonNull(kind);
        Objects.requireNonNull(codec);
    }

    public long count() {
        return to - from;
    }
}
