package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.PageCache;

import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * The machine-to-phys table Xen keeps for all domains: one 8-byte pfn per machine frame, read
 * through Xen's own page tables at {@link XenHypervisor#M2P_START}. {@code ~0} marks a frame no
 * domain maps, {@code ~0 - 1} a shared frame. A frame owned by another domain gives that domain's
 * pfn, so callers that want one domain's view check the answer against its p2m.
 */
public final class XenM2p {
    public static final long INVALID = -1L;
    public static final long SHARED = -2L;
    private static final byte[] UNREADABLE = new byte[0];

    /** What the table says about one machine frame. */
    public enum State {
        PFN("a pfn"), INVALID("~0: no domain maps it"), SHARED("~0 - 1: a shared frame"),
        NOT_A_PFN("not a pfn"), UNREADABLE("its m2p page is not mapped or not in the dump"),
        BEYOND("beyond max_page");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** @param pfn present exactly when {@code state == PFN} */
    public record Entry(long mfn, State state, OptionalLong pfn) {
        @Override
        public String toString() {
            return "m2p[" + Hex.of(mfn) + "] " + (pfn.isPresent() ? "= pfn " + Hex.of(pfn.getAsLong()) : state.words());
        }
    }

    private final XenHypervisor xen;
    private final OptionalLong maxPage;
    private final ByteOrder order;
    private final PageCache pages = new PageCache(64);

    /** @param maxPage Xen's {@code max_page} (frames the table covers), when known */
    public XenM2p(XenHypervisor xen, OptionalLong maxPage, ByteOrder order) {
        this.xen = xen;
        this.maxPage = maxPage;
        this.order = order;
    }

    /** Reads Xen's {@code max_page} through its page tables, when VMCOREINFO_XEN names it. */
    public static XenM2p of(XenHypervisor xen, XenFacts facts, ByteOrder order) {
        OptionalLong symbol = facts.symbol("max_page");
        OptionalLong maxPage = symbol.isPresent() ? xen.readLong(symbol.getAsLong()) : OptionalLong.empty();
        return new XenM2p(xen, maxPage, order);
    }

    /** Frames the table covers ({@code max_page}), when known. */
    public OptionalLong maxPage() {
        return maxPage;
    }

    public Entry lookup(long mfn) {
        long limit = Math.min(maxPage.orElse(Long.MAX_VALUE), (XenHypervisor.M2P_END - XenHypervisor.M2P_START) / 8);
        if (mfn < 0 || mfn >= limit) {
            return new Entry(mfn, State.BEYOND, OptionalLong.empty());
        }
        byte[] page = pages.get(mfn >>> 9, this::load);
        if (page.length == 0) {
            return new Entry(mfn, State.UNREADABLE, OptionalLong.empty());
        }
        long v = Bytes.u64(page, (int) (mfn & 511) * 8, order);
        if (v == INVALID) {
            return new Entry(mfn, State.INVALID, OptionalLong.empty());
        }
        if (v == SHARED) {
            return new Entry(mfn, State.SHARED, OptionalLong.empty());
        }
        if (v < 0 || v > P2mEntry.MAX_MFN) {
            return new Entry(mfn, State.NOT_A_PFN, OptionalLong.empty());
        }
        return new Entry(mfn, State.PFN, OptionalLong.of(v));
    }

    private byte[] load(long tablePage) {
        try {
            return xen.read(XenHypervisor.M2P_START + tablePage * 4096, 4096);
        } catch (MemoryAccessException | UnmappedAddressException e) {
            return UNREADABLE;
        }
    }
}
