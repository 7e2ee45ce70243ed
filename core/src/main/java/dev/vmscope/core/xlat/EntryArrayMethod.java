package dev.vmscope.core.xlat;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.List;

/**
 * DESIGN.md's memory array, over page-table entries: a flat array holding the entries of one level of a
 * paging mode, entry {@code i} for the virtual addresses {@code start + i * span} on, where span is what
 * one entry of that level maps. A FreeBSD minidump stores the kernel's translation this way (PTEs from
 * kernbase; on amd64 from version 2 on, PDEs). Looking an address up is one step, named like the array;
 * its index counts from {@code start}, not from a bit field of the address. When the entry points to a
 * table, the walk continues below that level in {@code tables}.
 */
public final class EntryArrayMethod implements TranslationMethod {
    private final String name;
    private final long start;
    private final long count;
    private final int level;
    private final Memory array;
    private final long arrayStart;
    private final PagingMode mode;
    private final PageTableWalker walker;
    private final ByteOrder order;

    /**
     * @param name       the step's name, e.g. {@code "PTE array"}
     * @param count      how many entries the array holds
     * @param level      the level of {@code mode} whose entries the array holds (its decoding and span)
     * @param array      where the entries are, from {@code arrayStart} on
     * @param tables     the memory further tables are read from (physical)
     */
    public EntryArrayMethod(String name, long start, long count, int level, Memory array, long arrayStart,
                            PagingMode mode, Memory tables, ByteOrder order) {
        if (level < 0 || level >= mode.form().depth()) {
            throw new IllegalArgumentException("level " + level + " of " + mode.id());
        }
        this.name = name;
        this.start = start;
        this.count = count;
        this.level = level;
        this.array = array;
        this.arrayStart = arrayStart;
        this.mode = mode;
        this.walker = new PageTableWalker(tables, mode, order);
        this.order = order;
    }

    /** Bytes of virtual space one entry maps. */
    public long span() {
        return mode.form().mappedBy(level);
    }

    public long start() {
        return start;
    }

    public long count() {
        return count;
    }

    /** The last virtual address the array covers (inclusive, so that an array reaching 2^64 has one). */
    public long last() {
        return start + count * span() - 1;
    }

    @Override
    public Translation translate(long va) {
        PagingForm form = mode.form();
        long offset = va - start;
        if (count == 0 || Long.compareUnsigned(va, start) < 0 || Long.compareUnsigned(va, last()) > 0) {
            return new Translation(va, arrayStart, mode, List.of(), new WalkResult.Fault(FaultKind.INVALID_ADDRESS,
                    null, "outside the " + name, Hex.of(va) + " is not in " + Hex.of(start) + "-" + Hex.of(last())));
        }
        long index = Long.divideUnsigned(offset, span());
        int entrySize = form.entrySize();
        long entryAddress = arrayStart + index * entrySize;
        int lowBit = form.levels().get(level).shift();
        int highBit = lowBit + Math.max(1, 64 - Long.numberOfLeadingZeros(count - 1)) - 1;
        long raw;
        try {
            raw = entrySize == 8 ? array.readLong(entryAddress, order) : array.readInt(entryAddress, order);
        } catch (MemoryAccessException e) {
            WalkStep step = new WalkStep(name, arrayStart, array.space(), (int) index, highBit, lowBit, entryAddress, 0, null);
            return new Translation(va, arrayStart, mode, List.of(step), new WalkResult.Fault(FaultKind.NO_DATA, name,
                    name + " entry not in the dump", name + "[" + index + "] at " + array.space().word() + " "
                    + Hex.of(entryAddress) + " is " + e.reason().words()));
        }
        DecodedEntry entry = mode.entries().decode(raw, level, form);
        WalkStep step = new WalkStep(name, arrayStart, array.space(), (int) index, highBit, lowBit, entryAddress, raw, entry);
        if (!entry.present()) {
            return new Translation(va, arrayStart, mode, List.of(step), PageTableWalker.unmapped(name, index, raw, entry));
        }
        Permissions access = new Permissions(entry.writable(), entry.user(), !entry.noExecute());
        if (!entry.leaf()) {
            return walker.continueWalk(va, arrayStart, level + 1, entry.target(), List.of(step), access);
        }
        long pageSize = entry.pageSize() != 0 ? entry.pageSize() : span();
        return new Translation(va, arrayStart, mode, List.of(step),
                new WalkResult.Mapped(entry.target() | (va & (pageSize - 1)), pageSize, access));
    }

    /**
     * Adds every mapping of the array, and of the tables its entries point to, to {@code walk}'s ranges in
     * address order; the entries are read a chunk at a time.
     */
    void collect(PageTableDump.Walk walk) {
        PagingForm form = mode.form();
        int entrySize = form.entrySize();
        int chunk = 4096;
        byte[] data = new byte[chunk * entrySize];
        for (long first = 0; first < count && walk.truncated() == null; first += chunk) {
            int n = (int) Math.min(chunk, count - first);
            try {
                array.read(arrayStart + first * entrySize, data, 0, n * entrySize);
            } catch (MemoryAccessException e) {
                return; // the rest of the array is not in the dump
            }
            walk.progress.update("Reading the " + name, first, count);
            walk.progress.checkCancelled();
            for (int i = 0; i < n; i++) {
                long raw = entrySize == 8 ? Bytes.u64(data, i * 8, order) : Bytes.u32(data, i * 4, order);
                DecodedEntry e = mode.entries().decode(raw, level, form);
                if (!e.present()) {
                    continue;
                }
                long index = first + i;
                long va = start + index * span();
                if (!e.leaf()) {
                    walk.table(e.target(), level + 1, va, e.writable(), e.user(), e.noExecute());
                    continue;
                }
                long size = e.pageSize() != 0 ? e.pageSize() : span();
                if (size > span() && (va & (size - 1)) != 0 && index > 0) {
                    continue; // a repeated entry of an ARM large page
                }
                walk.ranges.leaf(va & -size, e.target(), size, level,
                        MappingCollector.flags(e, e.writable(), e.user(), e.noExecute()));
            }
        }
    }

    @Override
    public String describe() {
        return name + ": " + count + " " + mode.form().levels().get(level).name() + " entries of " + mode.id()
                + " from " + Hex.of(start) + ", at " + array.space().word() + " " + Hex.of(arrayStart);
    }
}
