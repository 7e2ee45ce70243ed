package dev.vmscope.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vmscope.core.DumpException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.PageTableDump;

/**
 * Any bytes, opened as a dump through the whole probe list, then used the way a user would: info,
 * memory map, a few translations and reads, a ptdump. The only failure allowed is the project's own:
 * a {@link DumpException} (or an address that is not mapped).
 */
class DumpOpenFuzzTest {
    /**
     * The kernel ptdump's budget here: 16 tables, each entered twice per level at most. A dump of a few pages
     * whose tables point at each other would otherwise cost up to 64 visits of each table per input; the
     * production budget is {@link PageTableDump.Limits#DEFAULT}.
     */
    static final PageTableDump.Limits DUMP_LIMITS = new PageTableDump.Limits(16, 2);

    @FuzzTest(maxDuration = "20s")
    void anyBytesOpenOrFailWithAFormatError(FuzzedDataProvider data) {
        boolean zeroExcluded = data.consumeBoolean();
        long[] addresses = {data.consumeLong(), data.consumeLong(), data.consumeLong()};
        byte[] bytes = data.consumeRemainingAsBytes();
        try (Session s = Session.open(new ByteArrayStorage("fuzz.dump", bytes), OpenOptions.DEFAULT.withZeroExcluded(zeroExcluded))) {
            exercise(s, addresses);
        } catch (DumpException | UnmappedAddressException expected) {
            // the project's own report of a bad input
        }
    }

    static void exercise(Session s, long[] addresses) {
        s.dump().header();
        int ranges = 0;
        for (MemoryRange r : s.memory().ranges()) {
            if (ranges++ < 4) {
                tryRead(s, Space.PHYSICAL.equals(s.memory().space()) ? Space.PHYSICAL : Space.MACHINE, r.start());
            }
        }
        if (s.kernel().isPresent()) {
            BatchTranslator batch = s.batchTranslator();
            for (long va : addresses) {
                s.translate(va);
                batch.translate(va);
                tryRead(s, Space.KERNEL_VIRTUAL, va);
            }
            s.kernelMappings(Progress.NONE, DUMP_LIMITS);
        }
    }

    private static void tryRead(Session s, Space space, long address) {
        try {
            s.read(space, address, 64);
        } catch (DumpException | UnmappedAddressException expected) {
            // not in the dump, or not mapped
        }
    }
}
