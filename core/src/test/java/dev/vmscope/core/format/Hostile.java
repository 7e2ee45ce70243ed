package dev.vmscope.core.format;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens damaged bytes the way a user would — probe, open, read every present page — and lets only the
 * errors a reader may give through: a {@link DumpFormatException} naming this file, a place in it and
 * a structure, or an {@link UnsupportedDumpException} (at open), or a {@link MemoryAccessException}
 * (at a read). Anything else — an index error, an allocation failure, an arithmetic exception — fails.
 */
public final class Hostile {
    /** No test file holds more memory than this; reads stop there. */
    private static final long MAX_READ = 1L << 20;

    private Hostile() {
    }

    /** @return what happened, for the caller's counts: "opened", or the exception's class */
    public static String open(String name, byte[] bytes) {
        try (Dump d = DumpFormats.open(new ByteArrayStorage(name, bytes))) {
            readAll(d);
            return "opened";
        } catch (DumpFormatException e) {
            check(name, bytes, e);
            return "format";
        } catch (UnsupportedDumpException | MemoryAccessException e) {
            return e.getClass().getSimpleName();
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }

    private static void readAll(Dump d) {
        byte[] page = new byte[4096];
        long budget = MAX_READ;
        for (MemoryRange r : d.memory().ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            for (long a = r.start(); Long.compareUnsigned(a, r.end()) < 0 && budget > 0; a += page.length) {
                int n = (int) Math.min(page.length, r.end() - a);
                try {
                    d.memory().read(a, page, 0, n);
                } catch (MemoryAccessException e) {
                    // a damaged map may list a page whose data is gone: reported, not invented
                }
                budget -= n;
            }
        }
    }

    private static void check(String name, byte[] bytes, DumpFormatException e) {
        assertEquals(name, e.file(), e.getMessage());
        assertTrue(e.offset() >= 0, "offset " + e.offset() + " in " + e.getMessage());
        assertFalse(e.structure().isBlank(), e.getMessage());
        assertFalse(e.expected().isBlank(), e.getMessage());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
