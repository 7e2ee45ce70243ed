package dev.vmscope.core.format.live;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.PositionalStorage;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether /dev/mem gives RAM, the way crash does: read the page just below 1 MiB and the first
 * RAM page at or above 1 MiB. With CONFIG_STRICT_DEVMEM the kernel lets the first MiB through (x86
 * reads its RAM as zeros) and refuses RAM above it with EPERM; on architectures where it refuses all
 * RAM both reads fail.
 */
final class StrictDevmemProbe {
    static final long ONE_MIB = 1L << 20;
    static final long BELOW = ONE_MIB - PageBoundedSource.PAGE;

    private StrictDevmemProbe() {
    }

    /** The page probed above 1 MiB: the first RAM page at or above it, else the first RAM page. */
    static long abovePage(List<MemoryRange> ram) {
        for (MemoryRange r : ram) {
            long page = Math.max(align(r.start()), ONE_MIB);
            if (Long.compareUnsigned(page + PageBoundedSource.PAGE, r.end()) <= 0) {
                return page;
            }
        }
        return align(ram.getFirst().start());
    }

    private static long align(long address) {
        return (address + PageBoundedSource.PAGE - 1) & -PageBoundedSource.PAGE;
    }

    /** @return why /dev/mem cannot serve RAM, or empty when it can */
    static Optional<Refusal> probe(PositionalStorage.Source devmem, List<MemoryRange> ram) {
        long above = abovePage(ram);
        Optional<IOException> aboveFailure = failure(devmem, above);
        if (aboveFailure.isEmpty()) {
            return Optional.empty();
        }
        Optional<IOException> belowFailure = failure(devmem, BELOW);
        IOException cause = aboveFailure.get();
        if (belowFailure.isEmpty()) {
            return Optional.of(new Refusal(LiveSourceKind.DEVMEM, "the kernel is built with CONFIG_STRICT_DEVMEM: it reads "
                    + Hex.of(BELOW) + " below 1 MiB but refuses RAM at " + Hex.of(above) + " (" + words(cause) + ")", cause));
        }
        return Optional.of(new Refusal(LiveSourceKind.DEVMEM, "the kernel refuses reads of RAM through /dev/mem ("
                + Hex.of(BELOW) + ": " + words(belowFailure.get()) + "; " + Hex.of(above) + ": " + words(cause)
                + "), as CONFIG_STRICT_DEVMEM does on architectures that guard all RAM", cause));
    }

    private static Optional<IOException> failure(PositionalStorage.Source devmem, long address) {
        byte[] page = new byte[PageBoundedSource.PAGE];
        try {
            int done = 0;
            while (done < page.length) {
                int n = devmem.read(address + done, page, done, page.length - done);
                if (n <= 0) {
                    throw new EOFException("the device ends at " + Hex.of(address + done));
                }
                done += n;
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    private static String words(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
