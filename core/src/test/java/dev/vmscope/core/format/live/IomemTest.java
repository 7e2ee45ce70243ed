package dev.vmscope.core.format.live;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IomemTest {
    /** Shaped like an arm64 server's: RAM nested under a reservation, kernel parts nested under RAM, adjacent RAM lines. */
    private static final String NESTED = """
            00000000-00000fff : Reserved
            00001000-0009fbff : System RAM
            000f0000-000fffff : Reserved
              000f0000-000fffff : System ROM
            00100000-0bfdcfff : System RAM
              07200000-08001d31 : Kernel code
              08c00000-08e4897f : Kernel data
            0bfdd000-0bffffff : System RAM
            40000000-7fffffff : Soft Reserved
              40000000-5fffffff : System RAM
                41000000-41ffffff : System RAM
            fee00000-fee00fff : Local APIC
            100000000-17fffffff : System RAM
            """;

    @Test
    void systemRamAtAnyDepthIsMergedAndEndsAreExclusive() {
        List<MemoryRange> ram = Iomem.parse(NESTED, "iomem").systemRam();
        assertEquals(List.of(
                new MemoryRange(0x1000, 0x9fc00, RangeKind.RAM),
                new MemoryRange(0x100000, 0xc000000, RangeKind.RAM),
                new MemoryRange(0x40000000L, 0x60000000L, RangeKind.RAM),
                new MemoryRange(0x100000000L, 0x180000000L, RangeKind.RAM)), ram);
    }

    @Test
    void nestingIsTwoSpacesPerLevel() {
        Iomem iomem = Iomem.parse(NESTED, "iomem");
        assertEquals(new Iomem.Resource(0x41000000L, 0x41ffffffL, "System RAM", 2), iomem.resources().get(10));
        assertEquals(new Iomem.Resource(0x7200000, 0x8001d31, "Kernel code", 1), iomem.resources().get(5));
    }

    @Test
    void addressesReadWithoutRootAreAllZero() {
        Iomem hidden = Iomem.parse("00000000-00000000 : Reserved\n00000000-00000000 : System RAM\n", "iomem");
        assertTrue(hidden.addressesHidden());
        assertFalse(Iomem.parse(NESTED, "iomem").addressesHidden());
    }

    @Test
    void aMalformedLineIsNamedWithItsOffset() {
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> Iomem.parse("00001000-0009fbff : System RAM\nzz-10 : System RAM\n", "/proc/iomem"));
        assertEquals("/proc/iomem", e.file());
        assertEquals(31, e.offset());
        assertEquals("hex bounds with start <= end, found 'zz-10 : System RAM'", e.expected());
    }

    @Test
    void aLineWithoutBoundsIsRejected() {
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> Iomem.parse("System RAM\n", "/proc/iomem"));
        assertEquals("'start-end : name' with hex bounds, found 'System RAM'", e.expected());
    }
}
