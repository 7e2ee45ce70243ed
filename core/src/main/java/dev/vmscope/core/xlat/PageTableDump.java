package dev.vmscope.core.xlat;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every mapping of a page table, coalesced into ranges like the kernel's ptdump. Each table is read
 * whole, once per visit. Hostile tables are bounded ({@link Limits}): a table reached more than
 * {@code maxRevisits} times at one level is not entered again (tables that point at themselves), and the
 * whole dump stops after {@code maxTables} tables; {@link Result#truncated()} says so.
 */
public final class PageTableDump {
    /**
     * The budget of one dump.
     *
     * @param maxTables   tables read at most, all levels together
     * @param maxRevisits times one table is entered at one level at most
     */
    public record Limits(int maxTables, int maxRevisits) {
        /**
         * 2^20 tables (4 GiB of 4 KiB tables, far more than any kernel's) and 64 visits of one table: real kernels
         * share tables between many entries (the zero page's table, the fixmap's, KASAN's shadow of one page).
         */
        public static final Limits DEFAULT = new Limits(1 << 20, 64);

        public Limits {
            if (maxTables < 1 || maxRevisits < 1) {
                throw new IllegalArgumentException("a page-table dump must read at least one table once");
            }
        }
    }

    /** The ranges found, and why the enumeration stopped early if it did. */
    public record Result(List<MappingRange> ranges, String truncated) {
        public Result {
            ranges = List.copyOf(ranges);
        }
    }

    private final Memory tables;
    private final PagingMode mode;
    private final ByteOrder order;
    private final Limits limits;

    public PageTableDump(Memory tables, PagingMode mode, ByteOrder order) {
        this(tables, mode, order, Limits.DEFAULT);
    }

    public PageTableDump(Memory tables, PagingMode mode, ByteOrder order, Limits limits) {
        this.tables = tables;
        this.mode = mode;
        this.order = order;
        this.limits = limits;
    }

    /**
     * @param upperHalf for AArch64, whether the root is the kernel's (TTBR1) table
     */
    public Result dump(long rootRegister, boolean upperHalf, Progress progress) {
        Walk w = new Walk(upperHalf, progress, new MappingCollector());
        w.table(mode.entries().rootTable(rootRegister), 0, 0, true, true, false);
        return new Result(w.ranges.ranges(), w.truncated);
    }

    /**
     * One enumeration's state: the ranges being coalesced and the bounds. Translation methods that resolve
     * the upper levels another way enumerate the tables below them with one, sharing its bounds.
     */
    final class Walk {
        final boolean upperHalf;
        final Progress progress;
        final MappingCollector ranges;
        final Map<Long, Integer> visits = new HashMap<>();
        int tablesRead;
        String truncated;

        Walk(boolean upperHalf, Progress progress, MappingCollector ranges) {
            this.upperHalf = upperHalf;
            this.progress = progress;
            this.ranges = ranges;
        }

        /** Why the enumeration stopped early, or {@code null}. */
        String truncated() {
            return truncated;
        }

        void table(long address, int level, long vaPrefix, boolean writable, boolean user, boolean noExecute) {
            if (truncated != null) {
                return;
            }
            PagingForm form = mode.form();
            PagingForm.Level l = form.levels().get(level);
            long key = address * 8 + level;
            int seen = visits.merge(key, 1, Integer::sum);
            if (seen > limits.maxRevisits()) {
                return;
            }
            if (++tablesRead > limits.maxTables()) {
                truncated = "stopped after " + limits.maxTables() + " tables";
                return;
            }
            if ((tablesRead & 0xff) == 0) {
                progress.update("Reading page tables", tablesRead, 0);
                progress.checkCancelled();
            }
            int entries = l.entries();
            byte[] data;
            try {
                data = tables.read(address, entries * form.entrySize());
            } catch (MemoryAccessException e) {
                return; // a table that is not in the dump maps nothing we can show
            }
            long lastRaw = 0;
            DecodedEntry last = null;
            DecodedEntry flagsOf = null; // the entry whose flags leafFlags are: in one table, the same entry gives the same flags
            List<String> leafFlags = null;
            for (int i = 0; i < entries; i++) {
                long raw = form.entrySize() == 8 ? Bytes.u64(data, i * 8, order) : Bytes.u32(data, i * 4, order);
                // a run of equal entries (most often empty ones) is decoded once: decoding depends on nothing else
                DecodedEntry e = last != null && raw == lastRaw ? last : mode.entries().decode(raw, level, form);
                lastRaw = raw;
                last = e;
                if (!e.present()) {
                    continue;
                }
                long va = vaPrefix | ((long) i << l.shift());
                boolean w = writable && e.writable();
                boolean u = user && e.user();
                boolean nx = noExecute || e.noExecute();
                if (e.leaf()) {
                    long size = e.pageSize() != 0 ? e.pageSize() : form.mappedBy(level);
                    if (size > form.mappedBy(level) && (i & ((size / form.mappedBy(level)) - 1)) != 0) {
                        continue; // a repeated entry of an ARM large page or supersection
                    }
                    if (e != flagsOf) {
                        leafFlags = flags(e, w, u, nx);
                        flagsOf = e;
                    }
                    leaf(mode.entries().canonical(va, form, upperHalf), e.target(), size, level, leafFlags);
                } else {
                    table(e.target(), level + 1, va, w, u, nx);
                }
            }
        }

        void leaf(long va, long pa, long size, int level, List<String> flags) {
            ranges.leaf(va, pa, size, level, flags);
        }
    }

    private static List<String> flags(DecodedEntry e, boolean writable, boolean user, boolean noExecute) {
        return MappingCollector.flags(e, writable, user, noExecute);
    }
}
