package dev.vmscope.views.walk;

import dev.vmscope.core.Session;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole table a walk passed through at one level: every entry, decoded, read with one read of the
 * table. Built off the FX thread.
 *
 * @param level 0 for the top level
 */
public record LevelTable(int level, WalkStep step, long pageSize, List<TableEntry> entries) {
    public LevelTable {
        entries = List.copyOf(entries);
    }

    /**
     * Reads the table of {@code t}'s step {@code level}.
     *
     * @throws dev.vmscope.core.MemoryAccessException when the table is not in the dump
     */
    public static LevelTable read(Session session, Translation t, int level) {
        WalkStep step = t.steps().get(level);
        PagingForm form = t.mode().form();
        EntryFormat format = t.mode().entries();
        PagingForm.Level l = form.levels().get(level);
        int size = form.entrySize();
        byte[] data = session.read(step.tableSpace(), step.table(), l.entries() * size);
        ByteOrder order = session.dump().architecture().byteOrder();
        List<TableEntry> out = new ArrayList<>(l.entries());
        for (int i = 0; i < l.entries(); i++) {
            long raw = size == 8 ? Bytes.u64(data, i * 8, order) : Bytes.u32(data, i * 4, order);
            DecodedEntry e = format.decode(raw, level, form);
            Optional<Address> pseudo = e.present() && step.tableSpace() == Space.MACHINE
                    ? session.pvDomain().flatMap(pv -> pv.pseudoPhysicalOf(e.target())) : Optional.empty();
            out.add(new TableEntry(i, step.table() + (long) i * size, raw, e,
                    withIndex(t.virtualAddress(), t, level, i), pseudo));
        }
        return new LevelTable(level, step, form.mappedBy(level), out);
    }

    /**
     * The first virtual address whose index at {@code level} is {@code index} and whose indexes above
     * are those of {@code va}: the bits below cleared, the result made canonical for the form.
     */
    public static long withIndex(long va, Translation t, int level, int index) {
        PagingForm form = t.mode().form();
        PagingForm.Level l = form.levels().get(level);
        int top = l.shift() + l.bits();
        long above = top >= 64 ? 0 : va & (-1L << top);
        long v = above | ((long) index << l.shift());
        long mask = form.vaBits() >= 64 ? -1L : (1L << form.vaBits()) - 1;
        return t.mode().entries().canonical(v & mask, form, va < 0);
    }
}
