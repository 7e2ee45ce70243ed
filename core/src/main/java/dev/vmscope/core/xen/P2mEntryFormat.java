package dev.vmscope.core.xen;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.PagingMode;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a PV guest's p2m tree read as a page-table walk: the "virtual address" is the
 * pseudo-physical address, the root is the frame-list-list page, and each entry is a machine frame number
 * (not a page-table entry): at the two upper levels the frame of the next list, at the last level
 * the p2m entry itself ({@link P2mEntry}). ~0, 0 and frame numbers past 40 bits lead nowhere.
 */
public final class P2mEntryFormat implements EntryFormat {
    /** Three levels of 512 eight-byte frame numbers over 4 KiB pages: {@code {12, 9, 9, 9}}. */
    public static final PagingForm FORM = PagingForm.of("xen-p2m-tree", 8, new int[] {12, 9, 9, 9},
            "frame-list-list", "frame-list", "p2m");
    /** The p2m tree as a walkable mode. */
    public static final PagingMode TREE = new PagingMode(FORM.id(), FORM, new P2mEntryFormat());

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        boolean leaf = level == form.depth() - 1;
        if (leaf) {
            P2mEntry e = P2mEntry.decode(raw, raw & ~(P2mEntry.FOREIGN_BIT | P2mEntry.IDENTITY_BIT));
            List<String> flags = new ArrayList<>();
            if (e.kind() != P2mKind.MAPPED) {
                flags.add(e.kind().id());
            }
            if (!e.kind().backed()) {
                return DecodedEntry.notPresent(flags);
            }
            flags.addFirst("present");
            return new DecodedEntry(true, true, e.mfn().getAsLong() << 12, flags, true, true, false);
        }
        if (!namesFrame(raw)) {
            return DecodedEntry.notPresent(List.of(raw == P2mEntry.INVALID || raw == 0 ? "invalid" : "out-of-range"));
        }
        return new DecodedEntry(true, false, raw << 12, List.of("present"), true, true, false);
    }

    /** Whether an entry above the last level names a list page: not ~0, not 0, at most 40 bits. */
    static boolean namesFrame(long raw) {
        return raw > 0 && raw <= P2mEntry.MAX_MFN;
    }

    @Override
    public long rootTable(long rootRegister) {
        return rootRegister & ~0xfffL;
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        return va >= 0 && va >>> form.vaBits() == 0;
    }

    @Override
    public String explain(String flag) {
        return switch (flag) {
            case "present" -> "the entry names a machine frame";
            case "invalid" -> "~0 (or 0 above the last level): no frame";
            case "identity" -> "bit 62: a 1:1 frame, the machine frame number equals the pfn";
            case "foreign" -> "bit 63: a frame of another domain mapped into this one";
            case "out-of-range" -> "a frame number wider than 40 bits (past 52-bit machine addresses)";
            default -> flag;
        };
    }
}
