package dev.vmscope.core.format.kdump;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/**
 * One compressed kdump file read up to its page descriptors: both headers, notes, the bitmaps, and
 * where each page's descriptor is. Bitmap indexes are the dump's own pfns in units of
 * {@code block_size}; {@link #pfnOffset} is added to get the pfn of a physical address (non-zero only
 * where makedumpfile numbers 32-bit ARM frames from the start of RAM).
 *
 * @param maxMapnr      the number of pfns the dump describes (64-bit field from header version 6)
 * @param twoBitmaps    whether the file holds a RAM bitmap and a dumped bitmap, or one bitmap for both
 * @param descriptorsAt file offset of the first page descriptor
 * @param firstIndex    first bitmap index whose pages this file holds (a split part's start_pfn)
 * @param endIndex      bitmap index past the last one this file holds
 */
record KdumpFile(Storage storage, KdumpHeader header, Optional<KdumpSubHeader> sub, long maxMapnr,
                 PageBitmap valid, PageBitmap dumped, boolean twoBitmaps, long descriptorsAt,
                 long firstIndex, long endIndex, long pfnOffset, List<ElfNote> notes,
                 Optional<VmcoreInfo> vmcoreinfo, Architecture architecture, Space space, DescriptorCensus census) {

    KdumpFile {
        notes = List.copyOf(notes);
    }

    int blockSize() {
        return header.blockSize();
    }

    boolean splitPart() {
        return sub.map(KdumpSubHeader::isSplitPart).orElse(false);
    }

    /** Index of the descriptor of a dumped page, counted from this file's first descriptor. */
    long descriptorIndex(long bitmapIndex) {
        return dumped.rank(bitmapIndex) - dumped.rank(firstIndex);
    }

    long descriptorCount() {
        return descriptorIndex(endIndex);
    }

    /** Pages in this file's window that are RAM but were filtered out. */
    long excludedPages() {
        return valid.count(dumped, firstIndex, endIndex, true, false);
    }

    /** Pfns of this file's window below max_mapnr that are in neither bitmap. */
    long holePages() {
        return valid.count(dumped, firstIndex, Math.min(endIndex, maxMapnr), false, false);
    }

    KdumpMemory memory(boolean zeroExcluded) {
        return new KdumpMemory(this, zeroExcluded);
    }
}
