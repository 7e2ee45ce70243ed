package dev.vmscope.core.bench;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The corpus dumps the benchmarks open, and reproducible address lists over them. */
final class BenchDumps {
    static final String SET = "x86_64-6.1-qemu-live";
    static final long PAGE_OFFSET_BASE = 0xffff8c9b00000000L;
    static final long RAM_END = 0xbfdd000L;
    static final long[] TRUTH = {0xffffffff8f000000L, 0xffffffff8f02b510L, 0xffffffff8f053ab0L, 0xffffffff8f07e630L};

    private BenchDumps() {
    }

    /** {@code elf} (the restored QEMU ELF, mapped) or {@code kdump-zlib}. */
    static Session open(String dump) {
        return Session.open(switch (dump) {
            case "elf" -> Corpus.dump(SET, "vmcore-qemu.elf");
            case "kdump-zlib" -> Corpus.file(SET, "dumps/vmcore-qemu.kdump-zlib");
            default -> throw new IllegalArgumentException(dump);
        }, OpenOptions.DEFAULT);
    }

    /** A quarter kernel-text truth addresses, the rest random 8-byte aligned direct-map addresses below RAM_END (fixed seed). */
    static long[] addresses(int n) {
        SplittableRandom r = new SplittableRandom(1);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(4) == 0 ? TRUTH[r.nextInt(TRUTH.length)] : PAGE_OFFSET_BASE + (r.nextLong(RAM_END) & ~7L);
        }
        return a;
    }

    /** Page-aligned physical addresses of present RAM, shuffled with a fixed seed. */
    static long[] presentPages(Session s, int n) {
        List<Long> pages = new ArrayList<>();
        for (MemoryRange range : s.memory().ranges()) {
            if (range.kind() == RangeKind.RAM) {
                for (long p = (range.start() + 4095) & -4096L; p + 4096 <= range.end(); p += 4096) {
                    pages.add(p);
                }
            }
        }
        SplittableRandom r = new SplittableRandom(2);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = pages.get(r.nextInt(pages.size()));
        }
        return out;
    }
}
