package dev.vmscope.core.xlat;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;

/**
 * Translates many addresses fast, for batch work ({@code vtop --from FILE --brief}): no steps are
 * recorded and nothing is allocated per address. Whole tables are decoded once into a small
 * direct-mapped cache, and recent page translations are kept in a TLB-like direct-mapped cache, so
 * addresses on pages seen before cost one array lookup. Not thread-safe: one per thread.
 */
public final class BatchTranslator {
    /** Returned by {@link #translate} when the address is not mapped (no physical address is all ones). */
    public static final long UNMAPPED = -1L;

    private static final int TLB_BITS = 16;
    private static final int TABLE_SLOTS = 512;

    private final Memory memory;
    private final PagingMode mode;
    private final PagingForm form;
    private final EntryFormat entries;
    private final ByteOrder order;
    private final long root;
    private final int pageShift;
    private final AddressSpaceMap map;

    /**
     * The TLB: the complement of a slot's page at {@code 2 * slot} (so that the zeroed array starts empty: no
     * page number is all ones), its physical base next to it, in one cache line.
     */
    private final long[] tlb = new long[2 << TLB_BITS];
    private final long[] tableTag = new long[TABLE_SLOTS];
    private final long[][] tableEntries = new long[TABLE_SLOTS][];
    private final byte[] scratch;

    public BatchTranslator(Memory memory, PagingMode mode, ByteOrder order, long rootRegister) {
        this(memory, mode, order, rootRegister, null);
    }

    /**
     * A batch translator through a dump's own map of the kernel (FreeBSD minidumps): a page not seen
     * before costs one translation by the map's methods, then the page cache answers.
     */
    public static BatchTranslator over(AddressSpaceMap map, Memory memory, ByteOrder order) {
        return new BatchTranslator(memory, map.mode(), order, 0, map);
    }

    private BatchTranslator(Memory memory, PagingMode mode, ByteOrder order, long rootRegister, AddressSpaceMap map) {
        this.map = map;
        this.memory = memory;
        this.mode = mode;
        this.form = mode.form();
        this.entries = mode.entries();
        this.order = order;
        this.root = entries.rootTable(rootRegister);
        this.pageShift = form.pageShift();
        java.util.Arrays.fill(tableTag, -1L);
        int largest = 0;
        for (PagingForm.Level l : form.levels()) {
            largest = Math.max(largest, l.entries());
        }
        this.scratch = new byte[largest * form.entrySize()];
    }

    /** The physical address of {@code va}, or {@link #UNMAPPED}. */
    public long translate(long va) {
        long page = va >>> pageShift;
        int slot = (int) (page & ((1 << TLB_BITS) - 1)) << 1;
        long offset = va & ((1L << pageShift) - 1);
        if (tlb[slot] == ~page) {
            return tlb[slot + 1] | offset;
        }
        if (map != null) {
            return remember(page, slot, map.translate(va));
        }
        if (!entries.isValidAddress(va, form)) {
            return UNMAPPED;
        }
        long table = root;
        int depth = form.depth();
        for (int level = 0; level < depth; level++) {
            PagingForm.Level l = form.levels().get(level);
            long[] t = table(table, level);
            if (t == null) {
                return UNMAPPED;
            }
            long raw = t[l.index(va)];
            long next = entries.step(raw, level, form);
            if (next == EntryFormat.NOT_PRESENT) {
                return UNMAPPED;
            }
            if (next == EntryFormat.FULL_WALK) {
                return slowPath(va);
            }
            if ((next & EntryFormat.LEAF) != 0) {
                long size = form.mappedBy(level);
                long pa = (next & ~EntryFormat.LEAF) | (va & (size - 1));
                tlb[slot] = ~page;
                tlb[slot + 1] = pa & ~((1L << pageShift) - 1);
                return pa;
            }
            table = next;
        }
        return UNMAPPED;
    }

    private long remember(long page, int slot, Translation t) {
        if (!(t.result() instanceof WalkResult.Mapped m)) {
            return UNMAPPED;
        }
        tlb[slot] = ~page;
        tlb[slot + 1] = m.address() - (t.virtualAddress() & ((1L << pageShift) - 1));
        return m.address();
    }

    /** Entries the fast path does not take (ARM large pages, supersections) go through the full walk. */
    private long slowPath(long va) {
        Translation t = new PageTableWalker(memory, mode, order).walk(root, va);
        return t.mapping().map(WalkResult.Mapped::address).orElse(UNMAPPED);
    }

    private long[] table(long address, int level) {
        int slot = (int) (((address >>> 12) ^ level * 0x9e37) & (TABLE_SLOTS - 1));
        long tag = address ^ ((long) level << 56);
        if (tableTag[slot] == tag) {
            return tableEntries[slot];
        }
        PagingForm.Level l = form.levels().get(level);
        int n = l.entries();
        int size = form.entrySize();
        try {
            memory.read(address, scratch, 0, n * size);
        } catch (MemoryAccessException e) {
            return null;
        }
        long[] decoded = tableEntries[slot];
        if (decoded == null || decoded.length < n) {
            decoded = new long[Math.max(n, 512)];
        }
        for (int i = 0; i < n; i++) {
            decoded[i] = size == 8 ? Bytes.u64(scratch, i * 8, order) : Bytes.u32(scratch, i * 4, order);
        }
        tableEntries[slot] = decoded;
        tableTag[slot] = tag;
        return decoded;
    }
}
