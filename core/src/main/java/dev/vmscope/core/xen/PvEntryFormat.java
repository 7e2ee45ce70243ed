package dev.vmscope.core.xen;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * A PV guest's page-table entries as the guest kernel reads them: the entry holds a machine frame,
 * the guest converts it to its pfn through the m2p ({@code pte_pfn}). Wrapping the architecture's entry
 * format, it lets a walk run wholly in the guest's pseudo-physical memory. An entry whose machine
 * frame the guest's p2m does not know (Xen's own tables, another domain's frame) leads nowhere here,
 * flagged {@code foreign-frame}.
 */
public final class PvEntryFormat implements EntryFormat {
    private final EntryFormat machine;
    private final LongFunction<OptionalLong> pfnOfMfn;

    public PvEntryFormat(EntryFormat machine, LongFunction<OptionalLong> pfnOfMfn) {
        this.machine = machine;
        this.pfnOfMfn = pfnOfMfn;
    }

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        DecodedEntry d = machine.decode(raw, level, form);
        if (!d.present()) {
            return d;
        }
        OptionalLong pfn = pfnOfMfn.apply(d.target() >>> 12);
        if (pfn.isEmpty()) {
            List<String> flags = new ArrayList<>(d.flags());
            flags.add("foreign-frame");
            return DecodedEntry.notPresent(flags);
        }
        return new DecodedEntry(true, d.leaf(), (pfn.getAsLong() << 12) | (d.target() & 0xfff), d.flags(),
                d.writable(), d.user(), d.noExecute());
    }

    @Override
    public long rootTable(long rootRegister) {
        return machine.rootTable(rootRegister);
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        return machine.isValidAddress(va, form);
    }

    @Override
    public String explain(String flag) {
        return flag.equals("foreign-frame")
                ? "the entry's machine frame is not one of this domain's pages (Xen's, or another domain's)"
                : machine.explain(flag);
    }
}
