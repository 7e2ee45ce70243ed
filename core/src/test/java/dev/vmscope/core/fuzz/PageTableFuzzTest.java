package dev.vmscope.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vmscope.core.DumpException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xen.LinearP2m;
import dev.vmscope.core.xen.MachineImage;
import dev.vmscope.core.xen.MaxPfn;
import dev.vmscope.core.xen.P2mLimits;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.TreeP2m;
import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.PageTableDump;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.x86.X86_64Entry;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Walkers and enumerators over hostile page tables: a few pages of memory whose bytes and links the fuzzer
 * chooses (entries that name their own table, cycles between tables, frames outside memory), a root of its
 * choosing and a virtual address, for every paging mode; the step-by-step walker, the batch translator and
 * the page-table dump must agree to end, and only the project's own exceptions are allowed. The Xen p2m
 * tree and linear p2m get the same treatment.
 */
class PageTableFuzzTest {
    static final List<PagingMode> MODES = List.of(
            PagingModes.x86_64(false, X86_64Entry.standard()),
            PagingModes.x86_64(true, X86_64Entry.standard()),
            PagingModes.x86_64(false, new X86_64Entry(46, 1L << 47)),
            PagingModes.x86_32(),
            PagingModes.x86Pae(),
            PagingModes.armShort(),
            PagingModes.armV5(),
            PagingModes.armLpae(),
            PagingModes.aarch64(12, 39, 48),
            PagingModes.aarch64(12, 48, 48),
            PagingModes.aarch64(12, 52, 52),
            PagingModes.aarch64(14, 47, 48),
            PagingModes.aarch64(16, 42, 48),
            PagingModes.aarch64(16, 52, 52));

    private static final int FRAMES = 64;
    /**
     * The page-table dump's budget here: eight tables (as many as the pages given), each entered once per
     * level, so the revisit and truncation paths run on most inputs, without a cycle of tables costing up to
     * 2^20 table reads (of 8192 entries with a 64 KiB granule) per input.
     */
    static final PageTableDump.Limits DUMP_LIMITS = new PageTableDump.Limits(8, 1);
    /**
     * The p2m enumeration's budget here: 128 leaf slots and 1024 pieces, so that max_pfns past it, the
     * refusal at the cap and every kind of slot run, without 2^18 slots per input.
     */
    static final P2mLimits P2M_LIMITS = new P2mLimits(1L << 16, 1 << 10);

    /**
     * Up to eight pages at frames 0..63 (4 KiB each; an AArch64 64 KiB granule reads across them), their bytes
     * from the fuzzer, then up to 32 links: entry {@code slot} of page {@code from} set to point at frame
     * {@code to} with the fuzzer's low bits, which makes self-references and cycles cheap to find.
     */
    static MachineImage memory(FuzzedDataProvider data, int entrySize) {
        MachineImage m = new MachineImage(Space.PHYSICAL);
        int pages = data.consumeInt(1, 8);
        for (int i = 0; i < pages; i++) {
            m.put(0x1000L * data.consumeInt(0, FRAMES - 1), data.consumeBytes(4096));
        }
        int links = data.consumeInt(0, 32);
        for (int i = 0; i < links; i++) {
            long at = 0x1000L * data.consumeInt(0, FRAMES - 1) + entrySize * (long) data.consumeInt(0, 4096 / entrySize - 1);
            long entry = 0x1000L * data.consumeInt(0, FRAMES) | data.consumeInt(0, 0xfff);
            if (data.consumeBoolean()) {
                entry |= data.consumeLong() & 0xfff0_0000_0000_0000L;
            }
            byte[] b = new byte[entrySize];
            for (int k = 0; k < entrySize; k++) {
                b[k] = (byte) (entry >>> (8 * k));
            }
            m.put(at, b);
        }
        return m;
    }

    @FuzzTest(maxDuration = "15s")
    void walkTranslateAndDump(FuzzedDataProvider data) {
        PagingMode mode = data.pickValue(MODES);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        long root = data.consumeBoolean() ? 0x1000L * data.consumeInt(0, FRAMES) | data.consumeInt(0, 0xfff) : data.consumeLong();
        long[] vas = {data.consumeLong(), data.consumeLong(), data.consumeLong()};
        boolean upperHalf = data.consumeBoolean();
        MachineImage m = memory(data, mode.form().entrySize());
        try {
            PageTableWalker walker = new PageTableWalker(m, mode, order);
            BatchTranslator batch = new BatchTranslator(m, mode, order, root);
            for (long va : vas) {
                walker.walk(root, va).toString();
                batch.translate(va);
            }
            PageTableDump.Result r = new PageTableDump(m, mode, order, DUMP_LIMITS).dump(root, upperHalf, Progress.NONE);
            r.ranges().forEach(Object::toString);
        } catch (DumpException | UnmappedAddressException expected) {
            // the project's own report
        }
    }

    @FuzzTest(maxDuration = "10s")
    void xenP2mTree(FuzzedDataProvider data) {
        long frameListList = data.consumeInt(0, FRAMES);
        long maxPfn = data.consumeBoolean() ? data.consumeLong(0, 1L << 20) : data.consumeLong(0, Long.MAX_VALUE);
        long[] pfns = {data.consumeLong(), data.consumeLong(0, 1L << 20)};
        MachineImage m = memory(data, 8);
        try {
            TreeP2m p = new TreeP2m(m, frameListList, new MaxPfn(maxPfn, "fuzz"), ByteOrder.LITTLE_ENDIAN, "fuzz");
            P2mMap map = p.enumerate(Progress.NONE, P2M_LIMITS);
            for (long pfn : pfns) {
                p.lookup(pfn).toString();
                map.lookup(pfn).toString();
            }
            p.filledExtent();
        } catch (DumpException | UnmappedAddressException expected) {
            // the project's own report
        }
    }

    @FuzzTest(maxDuration = "10s")
    void xenP2mLinear(FuzzedDataProvider data) {
        long cr3 = 0x1000L * data.consumeInt(0, FRAMES);
        // page aligned, as Dom0P2mChooser checks before it builds a linear p2m
        long vaddr = data.consumeBoolean() ? 0xffffc90000000000L : data.consumeLong() & ~0xfffL;
        long maxPfn = data.consumeBoolean() ? data.consumeLong(0, 1L << 20) : data.consumeLong(0, Long.MAX_VALUE);
        long[] pfns = {data.consumeLong(), data.consumeLong(0, 1L << 20)};
        MachineImage m = memory(data, 8);
        try {
            LinearP2m p = new LinearP2m(m, cr3, vaddr, new MaxPfn(maxPfn, "fuzz"), PagingModes.x86_64(false, X86_64Entry.standard()),
                    ByteOrder.LITTLE_ENDIAN, "fuzz");
            P2mMap map = p.enumerate(Progress.NONE, P2M_LIMITS);
            for (long pfn : pfns) {
                p.lookup(pfn).toString();
                map.lookup(pfn).toString();
            }
        } catch (DumpException | UnmappedAddressException expected) {
            // the project's own report
        }
    }
}
