package dev.vmscope.core;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.KernelMap;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.testing.tables.TableText;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A dump whose format says how its kernel translates (a kernel map, as FreeBSD minidumps give) is translated
 * through that map; {@code --root} walks the page tables instead. Entries are 2-level i386 PTEs (Intel SDM
 * vol. 3, 4.3): an array of two PTEs from 0xc0000000 and a direct map of 16 MiB at 0xd0000000.
 */
class SessionKernelMapTest {

    private static Dump dump() {
        SparseMemory physical = TableText.parse(4, """
                0x5000: 0x00007003   # a page directory: PD[0] -> PT 0x7000
                0x7004: 0x00009003   # PT[1]: page 0x9000
                0x8000: 0x65727470   # the bytes of page 0x8000: "ptre" (little-endian)
                """);
        SparseMemory file = TableText.into(new SparseMemory(Space.DUMP_FILE, ByteOrder.LITTLE_ENDIAN), 4, """
                0x2000: 0x00008001   # PTE array[0]: page 0x8000, present, read-only
                0x2004: 0x00000000   # PTE array[1]: not present
                """);
        KernelMap map = new KernelMap("x86-32", List.of(
                new KernelMap.Linear("direct map", 0xd000_0000L, 0xd0ff_ffffL, 0),
                new KernelMap.EntryArray("PTE array", 0xc000_0000L, 2, 1, file, 0x2000)), "a test map");
        return new Dump("test", "freebsd-minidump", "none", Architecture.I386, physical, List.of(), List.of(),
                Optional.empty(), List.of(), new ByteArrayStorage("test", new byte[0]), Optional.of(map));
    }

    @Test
    void translatesThroughTheMap() {
        try (Session s = Session.open(dump(), OpenOptions.DEFAULT)) {
            assertEquals("x86-32", s.kernel().orElseThrow().mode().id());
            assertEquals("a test map", s.kernel().orElseThrow().rootOrigin());
            assertEquals(List.of("PTE array 0x2000[0] = 0x8001"), steps(s.translate(0xc000_0003L)));
            assertEquals("0x8003 0x1000 ro kernel x", result(s.translate(0xc000_0003L)));
            assertEquals("ptre", new String(s.read(Space.KERNEL_VIRTUAL, 0xd000_8000L, 4), java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(List.of(new VirtualRegion(0xd000_0000L, 0xd100_0000L, "direct map", "linear: physical = virtual - 0xd0000000"),
                    new VirtualRegion(0xc000_0000L, 0xc000_2000L, "kernel",
                            "PTE array: 2 PT entries of x86-32 from 0xc0000000, at dump file offset 0x2000")),
                    s.kernel().orElseThrow().layout());
        }
    }

    @Test
    void rootWalksThePageTablesInstead() {
        try (Session s = Session.open(dump(), OpenOptions.DEFAULT.withRoot(0x5000))) {
            assertEquals("0x9000 0x1000 rw kernel x", result(s.translate(0x1000)));
        }
    }

    @Test
    void cpuRootsDoNotExist() {
        assertThrows(UnsupportedDumpException.class, () -> Session.open(dump(), OpenOptions.DEFAULT.withCpu(0)));
    }
}
