package dev.vmscope.core.xlat;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.TestDumps;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The x86-64 4-level walk over the tables of {@code x86_64-4level.spec}; each expected value is worked
 * out by hand from the Intel SDM vol. 3, chapter 4, and the entries written in the spec.
 */
class X86_64FourLevelWalkTest {
    private static final long CR3 = 0x1000;
    private static Dump dump;
    private static PageTableWalker walker;

    @BeforeAll
    static void open() {
        dump = TestDumps.open("/dev/vmscope/core/xlat/x86_64-4level.spec");
        walker = new PageTableWalker(dump.memory(), PagingModes.x86_64(false, X86_64Entry.standard()), ByteOrder.LITTLE_ENDIAN);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    private static WalkResult.Mapped mapped(long va) {
        Translation t = walker.walk(CR3, va);
        return t.mapping().orElseThrow(() -> new AssertionError("not mapped: " + t.result()));
    }

    @Test
    void fourKibPage() {
        // SDM 4.5.4: a PTE maps a 4-KByte page; bits 51:12 give its base, VA bits 11:0 the offset.
        // VA 0x1abc: PML4[0] -> PDPT[0] -> PD[0] -> PT[1] = 0x9027, so 0x9000 + 0xabc.
        Translation t = walker.walk(CR3, 0x1abc);
        assertEquals(new WalkResult.Mapped(0x9abc, 4096, new Permissions(true, true, true)), t.result());
        assertEquals(List.of("PML4", "PDPT", "PD", "PT"), t.steps().stream().map(WalkStep::level).toList());
        assertEquals(List.of(0x1000L, 0x2000L, 0x3000L, 0x4000L), t.steps().stream().map(WalkStep::table).toList());
        assertEquals(List.of(0, 0, 0, 1), t.steps().stream().map(WalkStep::index).toList());
        // SDM 4.5.4: each entry is at table + 8 * index
        assertEquals(List.of(0x1000L, 0x2000L, 0x3000L, 0x4008L), t.steps().stream().map(WalkStep::entryAddress).toList());
        assertEquals(List.of(0x2007L, 0x3007L, 0x4007L, 0x9027L), t.steps().stream().map(WalkStep::entry).toList());
        WalkStep pt = t.steps().get(3);
        assertEquals(20, pt.vaHighBit());
        assertEquals(12, pt.vaLowBit());
        assertEquals(Space.PHYSICAL, pt.tableSpace());
        assertEquals(List.of("present", "rw", "user", "accessed"), pt.decoded().flags());
        assertArrayEquals("4 KiB page".getBytes(), dump.memory().read(0x9abc, 10));
    }

    @Test
    void twoMibPage() {
        // SDM 4.5.4: a PDE with PS=1 maps a 2-MByte page; bits 51:21 give its base, VA bits 20:0 the offset.
        // VA 0x2abcde: PD[1] = 0x8000e7, so 0x800000 + 0xabcde.
        Translation t = walker.walk(CR3, 0x2abcde);
        assertEquals(new WalkResult.Mapped(0x8abcde, 2L << 20, new Permissions(true, true, true)), t.result());
        assertEquals(3, t.steps().size());
        assertTrue(t.steps().get(2).decoded().leaf());
        assertTrue(t.steps().get(2).decoded().flags().contains("ps"));
    }

    @Test
    void oneGibPage() {
        // SDM 4.5.4: a PDPTE with PS=1 maps a 1-GByte page; bits 51:30 give its base, VA bits 29:0 the offset.
        // VA 0x52345678: PDPT[1] = 0x800000a7, so 0x80000000 + 0x12345678.
        Translation t = walker.walk(CR3, 0x52345678L);
        assertEquals(new WalkResult.Mapped(0x92345678L, 1L << 30, new Permissions(true, true, true)), t.result());
        assertEquals(List.of("PML4", "PDPT"), t.steps().stream().map(WalkStep::level).toList());
    }

    @Test
    void patBitOfAHugePageIsNotPartOfTheAddress() {
        // SDM table 4-16/4-18: bit 12 of a 1-GByte or 2-MByte page entry is PAT; the base is bits 51:30 or 51:21.
        assertEquals(0x140123456L, mapped(0xc0123456L).address());
        assertEquals(0xaabcdeL, mapped(0x6abcde).address());
        assertTrue(walker.walk(CR3, 0x6abcde).steps().get(2).decoded().flags().contains("pat"));
        // SDM table 4-20: in a PTE, bit 7 is PAT (not PS): still a 4-KByte page at bits 51:12.
        WalkResult.Mapped pte = mapped(0x3010);
        assertEquals(0xb010, pte.address());
        assertEquals(4096, pte.pageSize());
    }

    @ParameterizedTest
    @CsvSource({
            // VA,                 level, steps, detail
            "0x0000008000000000,   PML4,  1,     PML4[1] = 0x0",
            "0xffff808000000000,   PML4,  1,     PML4[257] = 0x2006",
            "0x0000000080000000,   PDPT,  2,     PDPT[2] = 0x0",
            "0x0000000000400000,   PD,    3,     PD[2] = 0x0",
            "0x0000000000000000,   PT,    4,     PT[0] = 0x0"})
    void notPresentAtEachLevelNamesTheLevel(String va, String level, int steps, String detail) {
        // SDM 4.5.4: an entry with P=0 ends the walk (a page fault); its other bits are ignored.
        Translation t = walker.walk(CR3, Long.parseUnsignedLong(va.substring(2), 16));
        WalkResult.Fault f = t.fault().orElseThrow();
        assertEquals(FaultKind.NOT_PRESENT, f.kind());
        assertEquals(level, f.level());
        assertEquals(level + " entry not present", f.reason());
        assertEquals(detail, f.detail());
        assertEquals(steps, t.steps().size());
        assertEquals(level, t.steps().getLast().level());
    }

    @ParameterizedTest
    @ValueSource(longs = {0x0000800000000000L, 0xffff7fffffffffffL, 0x8000000000000000L, 0x00ff000000000000L})
    void nonCanonicalAddressIsRefusedBeforeAnyTableIsRead(long va) {
        // SDM 3.3.7.1: with 4-level paging, bits 63:47 of a linear address must all equal bit 47.
        Translation t = walker.walk(CR3, va);
        WalkResult.Fault f = t.fault().orElseThrow();
        assertEquals(FaultKind.INVALID_ADDRESS, f.kind());
        assertNull(f.level());
        assertEquals(List.of(), t.steps());
    }

    @Test
    void canonicalEdgesAreWalked() {
        // 0x00007fffffffffff and 0xffff800000000000 are the two ends of the canonical gap.
        assertEquals(FaultKind.NOT_PRESENT, walker.walk(CR3, 0x00007fffffffffffL).fault().orElseThrow().kind());
        assertEquals(0x1000000L, mapped(0xffff800000000000L).address());
    }

    @ParameterizedTest
    @CsvSource({
            // VA,                 physical, rw,    user,  executable
            "0x0000000000001abc,   0x9abc,   true,  true,  true",   // every level P RW US, no XD
            "0x0000000000800000,   0xc000,   false, true,  true",   // PD[4] has R/W = 0
            "0x0000000000801000,   0xd000,   false, false, true",   // PT[1] has U/S = 0, PD[4] R/W = 0
            "0x0000000000002000,   0xa000,   true,  true,  false",  // XD only in the PTE
            "0xffff800000000000,   0x1000000, true, false, false",  // XD only in PDPT[0]; PML4[256] has U/S = 0
            "0xffff800000200000,   0xe000,   true,  false, false"}) // the same XD two levels above a PTE
    void effectivePermissionsCombineEveryLevel(String va, String pa, boolean rw, boolean user, boolean exec) {
        // SDM 4.6.1: writes need R/W = 1 and user-mode accesses U/S = 1 in every paging-structure entry
        // used; an instruction fetch is refused if XD = 1 in any of them (IA32_EFER.NXE = 1).
        WalkResult.Mapped m = mapped(Long.parseUnsignedLong(va.substring(2), 16));
        assertEquals(Long.decode(pa), m.address());
        assertEquals(new Permissions(rw, user, exec), m.permissions());
    }

    @Test
    void tableOutsideTheDumpIsNoDataAtThatLevel() {
        // PML4[511] = 0x7fff0000003 points to a PDPT at 0x7fff0000000, which no PT_LOAD holds.
        Translation t = walker.walk(CR3, 0xffffff8000000000L);
        WalkResult.Fault f = t.fault().orElseThrow();
        assertEquals(FaultKind.NO_DATA, f.kind());
        assertEquals("PDPT", f.level());
        assertEquals(2, t.steps().size());
        WalkStep pdpt = t.steps().get(1);
        assertEquals(0x7fff0000000L, pdpt.table());
        assertEquals(0x7fff0000000L, pdpt.entryAddress());
        assertNull(pdpt.decoded());
        assertTrue(f.detail().contains("PDPT[0]") && f.detail().contains("0x7fff0000000"), f.detail());
    }

    @Test
    void tableThatPointsToItselfEndsWithinTheFormsDepth() {
        // PML4[510] = 0x1003 points back to the PML4. VA with index 510 at every level
        // (0xffffff7fbfdfe000) walks the PML4 four times; SDM 4.5.4 then takes its "PTE" as a page:
        // the PML4 itself is mapped at that address.
        Translation t = walker.walk(CR3, 0xffffff7fbfdfe123L);
        assertEquals(4, t.steps().size());
        t.steps().forEach(s -> {
            assertEquals(0x1000L, s.table());
            assertEquals(510, s.index());
        });
        assertEquals(0x1123L, t.mapping().orElseThrow().address());
        assertEquals(4096, t.mapping().orElseThrow().pageSize());
    }

    @ParameterizedTest
    @ValueSource(longs = {0x1018, 0x1fff, 0x1123})
    void cr3FlagBitsAreNotPartOfTheRoot(long cr3) {
        // SDM 4.5.2: CR3 bits 51:12 locate the PML4; bits 3 and 4 are PWT and PCD, or with CR4.PCIDE = 1
        // bits 11:0 are the PCID.
        Translation t = walker.walk(cr3, 0x1abc);
        assertEquals(0x1000, t.root());
        assertEquals(0x9abc, t.mapping().orElseThrow().address());
        assertNotEquals(cr3, t.root());
    }
}
