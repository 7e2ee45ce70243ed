package dev.vmscope.core.notes;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds a kernel's VMCOREINFO note in memory when no header or note carries it: an ELF note header with
 * {@code n_namesz = 11}, {@code n_type = 0}, the name {@code "VMCOREINFO\0"}, and a descriptor whose
 * text starts with {@code OSRELEASE=}. Since Linux 4.13 ({@code crash_save_vmcoreinfo_init}) the kernel
 * writes that note at the start of a page-aligned buffer ({@code alloc_pages_exact}), so looking at the
 * first bytes of each page finds it; older kernels kept it in a static array, which only the slower
 * search at every 4-byte position finds. Only present memory is read, page by page, with progress.
 */
public final class VmcoreInfoScanner {
    /** Where to look. */
    public enum Strategy {
        /** The first bytes of every 4 KiB page (Linux 4.13 and later). */
        PAGE_START,
        /** Every 4-byte aligned position (any kernel; reads all memory). */
        EVERY_WORD
    }

    /**
     * @param address the note header's address in the scanned memory's space
     */
    public record Found(VmcoreInfo info, long address, long descriptorSize) {
    }

    static final int HEADER = 24;
    static final int MAX_DESCRIPTOR = 1 << 20;
    private static final long PAGE = 4096;
    private static final int CHUNK = 1 << 20;
    private static final byte[] NAME = "VMCOREINFO\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TEXT = "OSRELEASE=".getBytes(StandardCharsets.ISO_8859_1);

    private VmcoreInfoScanner() {
    }

    /**
     * Scans the RAM ranges of {@code memory} in address order and returns the first note found.
     *
     * @param origin how to name the memory in the result's origin, e.g. "physical memory"
     */
    public static Optional<Found> scan(Memory memory, Strategy strategy, String origin, Progress progress) {
        long total = 0;
        for (MemoryRange r : memory.ranges()) {
            total += r.kind() == RangeKind.RAM ? r.size() : 0;
        }
        long done = 0;
        for (MemoryRange r : memory.ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            Optional<Found> f = strategy == Strategy.PAGE_START
                    ? pageStarts(memory, r, origin, progress, done, total)
                    : everyWord(memory, r, origin, progress, done, total);
            if (f.isPresent()) {
                return f;
            }
            done += r.size();
        }
        progress.update("Searching for VMCOREINFO", total, total);
        return Optional.empty();
    }

    private static Optional<Found> pageStarts(Memory m, MemoryRange r, String origin, Progress p, long done, long total) {
        byte[] head = new byte[HEADER];
        for (long at = (r.start() + PAGE - 1) & -PAGE; at + HEADER <= r.end() && at >= r.start(); at += PAGE) {
            if (((at - r.start()) & 0xfffff) == 0) {
                p.update("Searching for VMCOREINFO", done + (at - r.start()), total);
                p.checkCancelled();
            }
            try {
                m.read(at, head, 0, HEADER);
            } catch (MemoryAccessException e) {
                continue;
            }
            Optional<Found> f = check(m, at, head, 0, origin);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> everyWord(Memory m, MemoryRange r, String origin, Progress p, long done, long total) {
        byte[] chunk = new byte[CHUNK + HEADER];
        for (long base = r.start() & ~3L; base < r.end(); base += CHUNK) {
            p.update("Searching for VMCOREINFO", done + Math.max(0, base - r.start()), total);
            p.checkCancelled();
            long from = Math.max(base, r.start());
            int n = (int) Math.min(chunk.length - (from - base), r.end() - from);
            try {
                m.read(from, chunk, (int) (from - base), n);
            } catch (MemoryAccessException e) {
                continue;
            }
            int limit = (int) (from - base) + n - HEADER;
            for (int i = (int) (from - base + 3) & ~3; i <= limit; i += 4) {
                if (chunk[i + 12] == 'V' && chunk[i + 8] == 0 && chunk[i + 9] == 0) {
                    Optional<Found> f = check(m, base + i, chunk, i, origin);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Checks a candidate header at {@code b[at..]} (little- or big-endian) and reads the note when it is one. */
    private static Optional<Found> check(Memory m, long address, byte[] b, int at, String origin) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            long namesz = Bytes.u32(b, at, order);
            long descsz = Bytes.u32(b, at + 4, order);
            long type = Bytes.u32(b, at + 8, order);
            if (namesz != NAME.length || type != 0 || descsz < TEXT.length || descsz > MAX_DESCRIPTOR
                    || !java.util.Arrays.equals(b, at + 12, at + 12 + NAME.length, NAME, 0, NAME.length)) {
                continue;
            }
            byte[] text;
            try {
                text = m.read(address + HEADER, (int) descsz);
            } catch (MemoryAccessException e) {
                return Optional.empty();
            }
            if (!java.util.Arrays.equals(text, 0, TEXT.length, TEXT, 0, TEXT.length)) {
                return Optional.empty();
            }
            VmcoreInfo info = VmcoreInfo.parse(text, "found by scanning " + origin + ": ELF note VMCOREINFO at "
                    + m.space().word() + " " + Hex.of(address) + " (" + descsz + " bytes of text)");
            return Optional.of(new Found(info, address, descsz));
        }
        return Optional.empty();
    }
}
