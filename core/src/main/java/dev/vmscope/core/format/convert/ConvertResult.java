package dev.vmscope.core.format.convert;

import java.nio.file.Path;

/**
 * What a conversion wrote.
 *
 * @param fileSize    bytes of the output file (a raw image's holes count but take no disk space)
 * @param memoryBytes bytes of memory written (data, and zeros written for excluded pages on request; for a
 *                    rearranged kdump, the memory its pages hold)
 * @param segments    PT_LOAD segments of an ELF vmcore, pieces of the flattened records for a rearranged kdump
 *                    (0 for a raw image)
 * @param rawBase     the physical address of a raw image's first byte: open it as {@code OUT@rawBase}
 */
public record ConvertResult(Path output, ConvertOptions.Target target, long fileSize, long memoryBytes, int segments,
                            long rawBase) {
}
