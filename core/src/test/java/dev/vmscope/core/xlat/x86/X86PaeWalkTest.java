package dev.vmscope.core.xlat.x86;

import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.testing.tables.TableText;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.lastFlags;
import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static dev.vmscope.core.testing.tables.Walks.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PAE paging (Intel SDM vol. 3, 4.4): CR3 bits 31:5 locate a 32-byte-aligned table of four PDPTEs indexed by
 * VA bits 31:30; the PD is indexed by bits 29:21, the PT by bits 20:12; entries are 8 bytes with the frame in
 * bits 51:12 and XD in bit 63. PDPTEs carry only P, PWT and PCD and never restrict access (Table 4-8); a PDE
 * with PS=1 maps 2 MiB (Table 4-9).
 */
class X86PaeWalkTest {
    private static final PagingMode MODE = PagingModes.x86Pae();
    /** The PDPT at 0xa020; CR3 bits 4:3 (PWT, PCD) are not address bits. */
    private static final long CR3 = 0xa038;

    private static final SparseMemory TABLES = TableText.parse(8, """
            0xa020: 0x000000000000b001   # PDPTE[0]: P -> PD 0xb000
            0xa028: 0x000000000000d019   # PDPTE[1]: P PWT PCD -> PD 0xd000
            0xa030: 0x0000000000000000   # PDPTE[2]: not present
            0xa038: 0x000000000000f001   # PDPTE[3]: P -> PD 0xf000
            0xb008: 0x000000000000c007   # PD[1]: P RW US -> PT 0xc000
            0xb010: 0x000000000000e005   # PD[2]: P US, R/W clear -> PT 0xe000
            0xb018: 0x8000000000011007   # PD[3]: P RW US XD -> PT 0x11000
            0xb020: 0x0000000000000000   # PD[4]: not present
            0xc008: 0x8000000123456063   # PT[1]: page 0x123456000, P RW A D XD
            0xc010: 0x0000000123457000   # PT[2]: not present
            0xd008: 0x0000000100200083   # PD[1] of PDPTE 1: 2 MiB page at 0x100200000, P RW PS
            0xd010: 0x0000000100601087   # PD[2] of PDPTE 1: 2 MiB page at 0x100600000, PAT (bit 12)
            0xe000: 0x0000000044444007   # PT[0] under the read-only PDE: P RW US
            0x11000: 0x0000000055555007  # PT[0] under the XD PDE: P RW US
            0xf000: 0x0000000066600083   # PD[0] of PDPTE 3: 2 MiB page at 0x66600000, P RW PS (supervisor)
            """);

    @Test
    void fourKibPageTakesThreeStepsFromTheThirtyTwoByteAlignedPdpt() {
        Translation t = walk(TABLES, MODE, CR3, 0x00201234L);
        assertEquals(List.of("PDPT 0xa020[0] = 0xb001", "PD 0xb000[1] = 0xc007", "PT 0xc000[1] = 0x8000000123456063"), steps(t));
        // frame bits 51:12 reach above 4 GiB; U/S clear in the PTE -> supervisor; XD -> not executable
        assertEquals("0x123456234 0x1000 rw kernel nx", result(t));
        assertEquals(List.of("present", "rw", "accessed", "dirty", "nx"), lastFlags(t));
    }

    @Test
    void pdpteNamesOnlyItsThreeMeaningfulBits() {
        Translation t = walk(TABLES, MODE, CR3, 0x40200000L);
        assertEquals(List.of("present", "pwt", "pcd"), t.steps().getFirst().decoded().flags());
    }

    @ParameterizedTest
    @CsvSource({"0x00000000, 0", "0x40000000, 1", "0x80000000, 2", "0xc0000000, 3"})
    void vaBits31To30SelectOneOfTheFourPdptes(String va, int index) {
        Translation t = walk(TABLES, MODE, CR3, Long.decode(va));
        assertEquals(index, t.steps().getFirst().index());
        assertEquals(0xa020L + 8L * index, t.steps().getFirst().entryAddress());
    }

    @Test
    void psInAPdeMapsTwoMib() {
        // 0x40345678: PDPTE 1, PD index 1, offset 0x145678 inside the 2 MiB page
        Translation t = walk(TABLES, MODE, CR3, 0x40345678L);
        assertEquals(List.of("PDPT 0xa020[1] = 0xd019", "PD 0xd000[1] = 0x100200083"), steps(t));
        assertEquals("0x100345678 0x200000 rw kernel x", result(t));
    }

    @Test
    void patOfATwoMibPageIsBit12AndNotAnAddressBit() {
        Translation t = walk(TABLES, MODE, CR3, 0x40400000L);
        assertEquals("0x100600000 0x200000 rw user x", result(t));
        assertEquals(List.of("present", "rw", "user", "ps", "pat"), lastFlags(t));
    }

    @Test
    void notPresentAtEachLevel() {
        assertEquals("NOT_PRESENT at PDPT: PDPT entry not present (PDPT[2] = 0x0)", result(walk(TABLES, MODE, CR3, 0x80000000L)));
        assertEquals("NOT_PRESENT at PD: PD entry not present (PD[4] = 0x0)", result(walk(TABLES, MODE, CR3, 0x00800000L)));
        assertEquals("NOT_PRESENT at PT: PT entry not present (PT[2] = 0x123457000)", result(walk(TABLES, MODE, CR3, 0x00202000L)));
    }

    @Test
    void readOnlyPdeWinsOverAWritablePte() {
        assertEquals("0x44444000 0x1000 ro user x", result(walk(TABLES, MODE, CR3, 0x00400000L)));
    }

    @Test
    void xdInAPdeMakesThePagesBelowItNonExecutable() {
        // SDM 4.6: instruction fetches are disallowed if XD = 1 in any paging-structure entry used
        assertEquals("0x55555000 0x1000 rw user nx", result(walk(TABLES, MODE, CR3, 0x00600000L)));
    }

    @Test
    void pdptesNeverRestrictAccess() {
        // PDPTE 3 has neither R/W nor U/S (they are reserved in a PDPTE); the PDE alone decides
        assertEquals("0x66612345 0x200000 rw kernel x", result(walk(TABLES, MODE, CR3, 0xc0012345L)));
    }

    @Test
    void paeEntriesHaveNoProtectionKeys() {
        // SDM 4.4.2, Table 4-11: bits 62:M of a PAE PTE are reserved; keys (bits 62:59) are IA-32e only (4.6.2)
        var e = new X86PaeEntry().decode(0x0800_0000_1234_5001L, 2, PagingModes.X86_PAE);
        assertEquals(List.of("present"), e.flags());
        assertEquals(0x1234_5000L, e.target());
    }

    @Test
    void addressesAboveFourGibCannotBeTranslated() {
        Translation t = walk(TABLES, MODE, CR3, 0x1_0000_0000L);
        assertEquals(FaultKind.INVALID_ADDRESS, t.fault().orElseThrow().kind());
        assertTrue(t.steps().isEmpty());
    }
}
