package dev.vmscope.core.format.kdump;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.KdumpWriter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dump flagged incomplete whose file ends early — in the page data, or inside the descriptor table —
 * still opens: what was written reads, the rest is not in the dump, and the info says how much.
 */
class IncompleteKdumpTest {
    private static final KdumpSpec SPEC = KdumpSpecParser.resource("/dev/vmscope/core/format/kdump/incomplete.spec");

    private static Dump cut(byte[] whole, int length) {
        return DumpFormats.open(new ByteArrayStorage("incomplete", Arrays.copyOf(whole, length)));
    }

    @Test
    void endingInsideTheDescriptorTable() {
        byte[] whole = KdumpWriter.write(SPEC);
        ByteBuffer h = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
        int descriptors = 4096 * (1 + h.getInt(432) + h.getInt(436));
        // the first 16 descriptors survive; their pages' data (after the table) does not
        try (Dump d = cut(whole, descriptors + 16 * 24)) {
            assertEquals(List.of(new MemoryRange(0, 0x40000, RangeKind.EXCLUDED)), d.memory().ranges());
            MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> d.memory().read(0x1000, 8));
            assertEquals(MemoryAccessException.Reason.NOT_IN_DUMP, e.reason());
            assertTrue(d.header().stream().anyMatch(f -> f.name().equals("incomplete dump")
                    && f.value().startsWith("64 pages set in the dumped bitmap were never written")));
        }
    }

    @Test
    void endingInsideThePageData() {
        byte[] whole = KdumpWriter.write(SPEC);
        ByteBuffer h = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
        int descriptors = 4096 * (1 + h.getInt(432) + h.getInt(436));
        long tenth = h.getLong(descriptors + 10 * 24); // pfn 0xa's data: it and every later page are lost
        try (Dump d = cut(whole, (int) tenth)) {
            assertEquals(new MemoryRange(0, 0xa000, RangeKind.RAM), d.memory().ranges().getFirst());
            assertArrayEquals(SPEC.pageBytes(9), d.memory().read(0x9000, 4096));
            assertThrows(MemoryAccessException.class, () -> d.memory().read(0xa000, 8));
        }
    }
}
