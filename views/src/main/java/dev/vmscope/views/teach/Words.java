package dev.vmscope.views.teach;

import dev.vmscope.core.xen.P2mEntryFormat;
import dev.vmscope.core.xlat.PagingMode;

/** The names of a walk's two ends: a page-table walk goes from virtual to physical, a p2m walk from pseudo-physical to machine. */
final class Words {
    private Words() {
    }

    static boolean p2m(PagingMode mode) {
        return mode.id().equals(P2mEntryFormat.TREE.id());
    }

    /** {@code Virtual address}, or {@code Pseudo-physical address}. */
    static String input(PagingMode mode) {
        return p2m(mode) ? "Pseudo-physical address" : "Virtual address";
    }

    /** {@code Physical address}, or {@code Machine address}. */
    static String output(PagingMode mode) {
        return p2m(mode) ? "Machine address" : "Physical address";
    }
}
