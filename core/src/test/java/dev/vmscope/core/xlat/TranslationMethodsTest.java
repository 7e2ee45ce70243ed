package dev.vmscope.core.xlat;

import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.testing.tables.TableText;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The memory-array method over page-table entries, the linear method and a map of ranges to methods, over
 * PAE entries (Intel SDM vol. 3, 4.4): an array of PTEs from 0xc0000000 (one entry per 4 KiB), an array of
 * PDEs (one per 2 MiB) whose tables are in physical memory, and a linear map.
 */
class TranslationMethodsTest {
    private static final PagingMode PAE = PagingModes.x86Pae();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** The entries, at offsets of a dump file: PTEs at 0x3000, PDEs at 0x5000. */
    private static final SparseMemory FILE = TableText.into(new SparseMemory(Space.DUMP_FILE, LE), 8, """
            0x3000: 0x0000000012345063   # PTE array[0]: page 0x12345000, P RW A D (supervisor)
            0x3008: 0x0000000000000000   # PTE array[1]: not present
            0x3010: 0x8000000012346005   # PTE array[2]: page 0x12346000, P US XD, read-only
            0x5000: 0x0000000000200083   # PDE array[0]: 2 MiB page at 0x200000, P RW PS
            0x5008: 0x000000000000c007   # PDE array[1]: page table at 0xc000, P RW US
            0x5010: 0x0000000000000000   # PDE array[2]: not present
            """);
    private static final SparseMemory PHYSICAL = TableText.parse(8, """
            0xc018: 0x0000000077777003   # PT[3]: page 0x77777000, P RW (supervisor)
            """);

    private static EntryArrayMethod ptes() {
        return new EntryArrayMethod("PTE array", 0xc000_0000L, 3, 2, FILE, 0x3000, PAE, PHYSICAL, LE);
    }

    private static EntryArrayMethod pdes() {
        return new EntryArrayMethod("PDE array", 0xc000_0000L, 3, 1, FILE, 0x5000, PAE, PHYSICAL, LE);
    }

    @Test
    void aPteArrayTranslatesInOneStep() {
        Translation t = ptes().translate(0xc000_0abcL);
        assertEquals(List.of("PTE array 0x3000[0] = 0x12345063"), steps(t));
        assertEquals(Space.DUMP_FILE, t.steps().getFirst().tableSpace());
        assertEquals(0x3000L, t.steps().getFirst().entryAddress());
        assertEquals("0x12345abc 0x1000 rw kernel x", result(t));
        assertEquals("0x12346010 0x1000 ro user nx", result(ptes().translate(0xc000_2010L)));
    }

    @Test
    void theIndexCountsFromTheArraysStart() {
        Translation t = ptes().translate(0xc000_2010L);
        assertEquals(2, t.steps().getFirst().index());
        assertEquals(0x3010L, t.steps().getFirst().entryAddress());
        assertEquals(12, t.steps().getFirst().vaLowBit());
    }

    @Test
    void aNotPresentEntryFaultsAtTheArray() {
        assertEquals("NOT_PRESENT at PTE array: PTE array entry not present (PTE array[1] = 0x0)",
                result(ptes().translate(0xc000_1000L)));
    }

    @Test
    void addressesOutsideTheArrayAreInvalid() {
        Translation below = ptes().translate(0xbfff_f000L);
        Translation above = ptes().translate(0xc000_3000L);
        assertEquals(FaultKind.INVALID_ADDRESS, below.fault().orElseThrow().kind());
        assertEquals(FaultKind.INVALID_ADDRESS, above.fault().orElseThrow().kind());
        assertEquals(List.of(), above.steps());
    }

    @Test
    void aLargePageInAPdeArray() {
        // PDE with PS: 2 MiB page; PA = PDE bits 51:21 | VA bits 20:0
        assertEquals("0x212345 0x200000 rw kernel x", result(pdes().translate(0xc001_2345L)));
    }

    @Test
    void aPdeThatPointsToATableContinuesTheWalkInPhysicalMemory() {
        // 0xc0203456: PDE array index 1, then PT index = VA bits 20:12 = 3
        Translation t = pdes().translate(0xc020_3456L);
        assertEquals(List.of("PDE array 0x5000[1] = 0xc007", "PT 0xc000[3] = 0x77777003"), steps(t));
        assertEquals(Space.PHYSICAL, t.steps().get(1).tableSpace());
        assertEquals("0x77777456 0x1000 rw kernel x", result(t));
    }

    @Test
    void anEntryTheArrayDoesNotHoldIsNoData() {
        var truncated = new EntryArrayMethod("PTE array", 0xc000_0000L, 600, 2, FILE, 0x3000, PAE, PHYSICAL, LE);
        Translation t = truncated.translate(0xc020_0000L);
        assertEquals(FaultKind.NO_DATA, t.fault().orElseThrow().kind());
        assertFalse(t.steps().getFirst().entryRead());
    }

    @Test
    void linearMethodHasNoSteps() {
        var dmap = new LinearMethod(0xfffff800_00000000L, 0, PagingModes.x86Pae(), new Permissions(true, false, false));
        Translation t = dmap.translate(0xfffff800_12345678L);
        assertEquals(List.of(), t.steps());
        assertEquals("0x12345678 0x1000 rw kernel nx", result(t));
        assertEquals("linear: physical = virtual - 0xfffff80000000000", dmap.describe());
    }

    @Test
    void mappingsOfAMapListEachRegionAndLeaveOutWhatAnEarlierRegionHolds() {
        var linear = new LinearMethod(0xc000_0000L, 0x1000_0000L, PAE, new Permissions(true, false, false));
        var map = new AddressSpaceMap(List.of(
                new AddressSpaceMap.Region(0xc000_0000L, 0xc000_0fffL, "direct map", linear),
                new AddressSpaceMap.Region(0xc000_0000L, 0xc05f_ffffL, "kernel", pdes())), PAE);
        List<MappingRange> ranges = map.mappings(PHYSICAL, LE, dev.vmscope.core.Progress.NONE).ranges();
        assertEquals(List.of(
                new MappingRange(0xc000_0000L, 0xc000_1000L, 0x1000_0000L, 0x1000, 2, List.of("rw", "nx")),
                // the 2 MiB page of PDE 0 without the page the direct map holds
                new MappingRange(0xc000_1000L, 0xc020_0000L, 0x201000, 0x200000, 1, List.of("rw", "x")),
                new MappingRange(0xc020_3000L, 0xc020_4000L, 0x77777000L, 0x1000, 2, List.of("rw", "x"))), ranges);
    }

    @Test
    void batchTranslationThroughAMapAgreesWithIt() {
        var map = new AddressSpaceMap(List.of(new AddressSpaceMap.Region(0xc000_0000L, 0xc05f_ffffL, "kernel", pdes())), PAE);
        BatchTranslator batch = BatchTranslator.over(map, PHYSICAL, LE);
        for (int pass = 0; pass < 2; pass++) {
            assertEquals(0x212345L, batch.translate(0xc001_2345L));
            assertEquals(0x77777456L, batch.translate(0xc020_3456L));
            assertEquals(BatchTranslator.UNMAPPED, batch.translate(0xc040_0000L));
            assertEquals(BatchTranslator.UNMAPPED, batch.translate(0x1000L));
        }
    }

    @Test
    void theFirstRegionThatHoldsAnAddressTranslatesIt() {
        var linear = new LinearMethod(0xc000_0000L, 0x1000_0000L, PAE, new Permissions(true, false, false));
        var map = new AddressSpaceMap(List.of(
                new AddressSpaceMap.Region(0xc000_0000L, 0xc000_0fffL, "direct map", linear),
                new AddressSpaceMap.Region(0xc000_0000L, 0xc000_2fffL, "kernel", ptes())), PAE);
        assertEquals("0x10000abc 0x1000 rw kernel nx", result(map.translate(0xc000_0abcL)));
        assertEquals("0x12346010 0x1000 ro user nx", result(map.translate(0xc000_2010L)));
        assertEquals(FaultKind.INVALID_ADDRESS, map.translate(0x1000L).fault().orElseThrow().kind());
    }
}
