package dev.vmscope.core.format;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.testing.ElfCoreWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every byte of the headers and notes set to each of a few hostile values: opening either succeeds
 * (and the memory can then be read) or fails with a {@link DumpException}; never anything else.
 */
class ElfMutationSweepTest {
    private static final int[] VALUES = {0x00, 0x01, 0x7f, 0x80, 0xff};

    @ParameterizedTest
    @ValueSource(strings = {HostileElf.X86_64, HostileElf.I386})
    void everyHeaderAndNoteByteMutated(String spec) {
        ElfCoreWriter.Image img = HostileElf.image(spec);
        byte[] valid = img.bytes();
        long end = img.notesOffset() + img.notesSize();
        List<String> escaped = new ArrayList<>();
        for (int at = 0; at < end; at++) {
            for (int v : VALUES) {
                byte[] b = valid.clone();
                b[at] = (byte) v;
                try {
                    exercise(b);
                } catch (DumpException expected) {
                    // refused with a message
                } catch (RuntimeException | Error e) {
                    escaped.add("byte " + at + " = " + v + ": " + e);
                }
            }
        }
        assertEquals(List.of(), escaped);
    }

    private static void exercise(byte[] bytes) {
        try (Dump d = DumpFormats.open(new ByteArrayStorage("mutant", bytes))) {
            for (MemoryRange r : d.memory().ranges()) {
                if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO) {
                    d.memory().read(r.start(), (int) Math.min(16, r.size()));
                    d.memory().read(r.end() - 1, 1);
                }
            }
            d.cpus().forEach(c -> c.pageTableRoot());
            d.vmcoreinfo().ifPresent(v -> v.pageSize());
        }
    }
}
