package dev.vmscope.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vmscope.core.DumpException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormat;
import dev.vmscope.core.format.elf.ElfCoreFormat;
import dev.vmscope.core.format.kdump.FlattenedFormat;
import dev.vmscope.core.format.kcore.KcoreFormat;
import dev.vmscope.core.format.kdump.KdumpCompressedFormat;
import dev.vmscope.core.format.lime.LimeFormat;
import dev.vmscope.core.format.minidump.FreeBsdMinidumpFormat;
import dev.vmscope.core.format.xccore.XcCoreFormat;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;

/**
 * One target per dump format, each fed straight to that format (so the fuzzer spends its time behind the
 * format's magic rather than in the probe list): ELF header and program headers, compressed-kdump header,
 * bitmaps and page descriptors, flattened records, xc_core sections, FreeBSD minidumps, LiME range headers,
 * /proc/kcore's program headers and notes. A format that
 * does not claim the bytes is fine; once it claims them, the only failure allowed is the project's own.
 * Seeds, built by the test-side builders, are under {@code FormatFuzzTestInputs/<method>/}.
 */
class FormatFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void elfCore(FuzzedDataProvider data) {
        open(new ElfCoreFormat(), data);
    }

    @FuzzTest(maxDuration = "10s")
    void kdumpCompressed(FuzzedDataProvider data) {
        open(new KdumpCompressedFormat(data.consumeBoolean()), data);
    }

    @FuzzTest(maxDuration = "10s")
    void kdumpFlattened(FuzzedDataProvider data) {
        open(new FlattenedFormat(Progress.NONE, data.consumeBoolean()), data);
    }

    @FuzzTest(maxDuration = "10s")
    void xcCore(FuzzedDataProvider data) {
        open(new XcCoreFormat(Progress.NONE), data);
    }

    @FuzzTest(maxDuration = "10s")
    void freeBsdMinidump(FuzzedDataProvider data) {
        open(new FreeBsdMinidumpFormat(), data);
    }

    @FuzzTest(maxDuration = "10s")
    void lime(FuzzedDataProvider data) {
        open(new LimeFormat(), data);
    }

    @FuzzTest(maxDuration = "10s")
    void kcore(FuzzedDataProvider data) {
        open(new KcoreFormat(), data);
    }

    /** Opens the bytes with one format, then reads the start, middle and end of the first ranges and an address of the fuzzer's choosing. */
    static void open(DumpFormat format, FuzzedDataProvider data) {
        long address = data.consumeLong();
        ByteArrayStorage storage = new ByteArrayStorage("fuzz.dump", data.consumeRemainingAsBytes());
        if (!format.claims(storage)) {
            return;
        }
        try (Dump dump = format.open(storage)) {
            dump.vmcoreinfo().ifPresent(v -> v.osRelease());
            int n = 0;
            for (MemoryRange r : dump.memory().ranges()) {
                if (n++ == 8) {
                    break;
                }
                read(dump, r.start(), 64);
                read(dump, r.start() + r.size() / 2, 4096);
                read(dump, r.end() - 8, 8);
            }
            read(dump, address, 16);
        } catch (DumpException | UnmappedAddressException expected) {
            // the format's own report of corrupt or unsupported input
        }
    }

    private static void read(Dump dump, long address, int length) {
        try {
            dump.memory().read(address, new byte[length], 0, length);
        } catch (DumpException | UnmappedAddressException expected) {
            // outside the dump, or a page that cannot be decoded
        }
    }
}
