package dev.vmscope.core.xlat;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a page table level by level and records every step. The walk has the form's depth and no
 * more, so a table that points back to itself ends at the last level rather than looping.
 */
public final class PageTableWalker {
    private final Memory tables;
    private final PagingMode mode;
    private final ByteOrder order;

    /**
     * @param tables the memory the tables live in (physical; machine for a Xen host)
     */
    public PageTableWalker(Memory tables, PagingMode mode, ByteOrder order) {
        this.tables = tables;
        this.mode = mode;
        this.order = order;
    }

    public PagingMode mode() {
        return mode;
    }

    /**
     * @param rootRegister the root register's value (CR3, TTBR) or the top table's address
     */
    public Translation walk(long rootRegister, long va) {
        PagingForm form = mode.form();
        EntryFormat format = mode.entries();
        long root = format.rootTable(rootRegister);
        List<WalkStep> steps = new ArrayList<>(form.depth());
        if (!format.isValidAddress(va, form)) {
            return new Translation(va, root, mode, steps, new WalkResult.Fault(FaultKind.INVALID_ADDRESS, null,
                    "non-canonical address", Hex.of(va) + " is not sign-extended from bit " + (form.vaBits() - 1)));
        }
        return continueWalk(va, root, 0, root, steps, new Permissions(true, true, true));
    }

    /**
     * Walks the levels from {@code firstLevel} down, its table at {@code table}: for translation methods
     * that resolve the levels above in another way (a FreeBSD minidump's array of page-directory entries).
     *
     * @param root  what the translation reports as its root
     * @param steps the steps that came before, kept in front of this walk's
     * @param above the access the levels above grant
     */
    public Translation continueWalk(long va, long root, int firstLevel, long table, List<WalkStep> steps, Permissions above) {
        PagingForm form = mode.form();
        EntryFormat format = mode.entries();
        steps = new ArrayList<>(steps);
        boolean writable = above.writable();
        boolean user = above.user();
        boolean noExecute = !above.executable();
        for (int level = firstLevel; level < form.depth(); level++) {
            PagingForm.Level l = form.levels().get(level);
            int index = l.index(va);
            long entryAddress = table + (long) index * form.entrySize();
            long raw;
            try {
                raw = form.entrySize() == 8 ? tables.readLong(entryAddress, order) : tables.readInt(entryAddress, order);
            } catch (MemoryAccessException e) {
                steps.add(new WalkStep(l.name(), table, tables.space(), index, l.highBit(), l.shift(), entryAddress, 0, null));
                return new Translation(va, root, mode, steps, new WalkResult.Fault(FaultKind.NO_DATA, l.name(),
                        l.name() + " table not in the dump",
                        l.name() + "[" + index + "] at " + tables.space().word() + " " + Hex.of(entryAddress) + " is " + e.reason().words()));
            }
            DecodedEntry entry = format.decode(raw, level, form);
            steps.add(new WalkStep(l.name(), table, tables.space(), index, l.highBit(), l.shift(), entryAddress, raw, entry));
            if (!entry.present()) {
                return new Translation(va, root, mode, steps, unmapped(l.name(), index, raw, entry));
            }
            writable &= entry.writable();
            user &= entry.user();
            noExecute |= entry.noExecute();
            if (entry.leaf()) {
                long pageSize = entry.pageSize() != 0 ? entry.pageSize() : form.mappedBy(level);
                long address = entry.target() | (va & (pageSize - 1));
                return new Translation(va, root, mode, steps,
                        new WalkResult.Mapped(address, pageSize, new Permissions(writable, user, !noExecute)));
            }
            table = entry.target();
        }
        return new Translation(va, root, mode, steps, new WalkResult.Fault(FaultKind.CORRUPT,
                form.levels().getLast().name(), "last level is not a page", "walk ended without a leaf"));
    }

    /** The fault an entry that maps nothing ends a walk with: its format's reason, or "not present". */
    static WalkResult.Fault unmapped(String level, long index, long raw, DecodedEntry entry) {
        String detail = level + "[" + index + "] = " + Hex.of(raw);
        return entry.problem()
                .map(p -> new WalkResult.Fault(p.kind(), level, level + " entry " + p.reason(), detail))
                .orElseGet(() -> new WalkResult.Fault(FaultKind.NOT_PRESENT, level, level + " entry not present", detail));
    }
}
