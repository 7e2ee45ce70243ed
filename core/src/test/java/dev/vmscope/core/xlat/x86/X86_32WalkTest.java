package dev.vmscope.core.xlat.x86;

import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.testing.tables.TableText;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.lastFlags;
import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static dev.vmscope.core.testing.tables.Walks.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 32-bit paging without PAE (Intel SDM vol. 3, 4.3): CR3 bits 31:12 locate the page directory; VA bits
 * 31:22 index it, bits 21:12 index the page table; entries are 4 bytes. A PDE with PS=1 maps 4 MiB with
 * PAT in bit 12 and, with PSE-36, physical address bits 39:32 in PDE bits 20:13 (Table 4-4, Figure 4-4).
 */
class X86_32WalkTest {
    private static final PagingMode MODE = PagingModes.x86_32();
    /** CR3 with PWT (bit 3) and PCD (bit 4) set: both are flags, not address bits. */
    private static final long CR3 = 0xa018;

    private static final SparseMemory TABLES = TableText.parse(4, """
            0xa004: 0x0000b027   # PD[1]: P RW US A -> PT at 0xb000
            0xa008: 0x00000000   # PD[2]: not present
            0xa00c: 0x0000c025   # PD[3]: P US A, R/W clear -> PT at 0xc000
            0xa010: 0x0000d023   # PD[4]: P RW A, U/S clear -> PT at 0xd000
            0xac00: 0x00800083   # PD[768]: 4 MiB page at 0x00800000, P RW PS
            0xac04: 0x00c24083   # PD[769]: 4 MiB page, bits 20:13 = 0x12 -> PA bits 39:32 (PSE-36)
            0xac08: 0x01001183   # PD[770]: 4 MiB page at 0x01000000, PAT (bit 12) and G (bit 8)
            0xb004: 0x12345163   # PT[1]: page 0x12345000, P RW A D G
            0xb008: 0x12346002   # PT[2]: R/W set but P clear: not present
            0xb00c: 0x123470a5   # PT[3]: page 0x12347000, P US A PAT (bit 7 of a PTE)
            0xc000: 0x22222007   # PT[0] under a read-only PDE: P RW US
            0xd000: 0x33333007   # PT[0] under a supervisor PDE: P RW US
            """);

    @Test
    void fourKibPageTakesTwoStepsFromTheTableCr3Names() {
        Translation t = walk(TABLES, MODE, CR3, 0x00401234L);
        assertEquals(List.of("PD 0xa000[1] = 0xb027", "PT 0xb000[1] = 0x12345163"), steps(t));
        // PA = PTE bits 31:12 | VA bits 11:0; R/W from both levels; U/S clear in the PTE -> supervisor
        assertEquals("0x12345234 0x1000 rw kernel x", result(t));
        assertEquals(List.of("present", "rw", "accessed", "dirty", "global"), lastFlags(t));
    }

    @Test
    void stepsRecordTheVirtualAddressBitsOfEachIndex() {
        List<WalkStep> s = walk(TABLES, MODE, CR3, 0x00401234L).steps();
        assertEquals(List.of(31, 22, 0xa004L), List.of(s.get(0).vaHighBit(), s.get(0).vaLowBit(), s.get(0).entryAddress()));
        assertEquals(List.of(21, 12, 0xb004L), List.of(s.get(1).vaHighBit(), s.get(1).vaLowBit(), s.get(1).entryAddress()));
    }

    @Test
    void psInAPdeMapsFourMib() {
        // 0xc0123456: PD index 0x300 (768); 4 MiB page: PA = PDE bits 31:22 | VA bits 21:0
        Translation t = walk(TABLES, MODE, CR3, 0xc0123456L);
        assertEquals(List.of("PD 0xa000[768] = 0x800083"), steps(t));
        assertEquals("0x923456 0x400000 rw kernel x", result(t));
        assertEquals(List.of("present", "rw", "ps"), lastFlags(t));
    }

    @Test
    void pse36PutsPdeBits20To13AbovePhysicalBit31() {
        // PDE 0x00c24083: bits 31:22 = 0x00c00000, bits 20:13 = 0x12 -> PA bits 39:32
        Translation t = walk(TABLES, MODE, CR3, 0xc0400010L);
        assertEquals("0x1200c00010 0x400000 rw kernel x", result(t));
    }

    @Test
    void patOfALargePageIsBit12AndNotAnAddressBit() {
        Translation t = walk(TABLES, MODE, CR3, 0xc0800000L);
        assertEquals("0x1000000 0x400000 rw kernel x", result(t));
        assertEquals(List.of("present", "rw", "ps", "pat", "global"), lastFlags(t));
    }

    @Test
    void patOfAPteIsBit7() {
        Translation t = walk(TABLES, MODE, CR3, 0x00403000L);
        assertEquals("0x12347000 0x1000 ro user x", result(t));
        assertEquals(List.of("present", "user", "accessed", "pat"), lastFlags(t));
    }

    @Test
    void notPresentPdeFaultsAtThePageDirectory() {
        Translation t = walk(TABLES, MODE, CR3, 0x00800000L);
        assertEquals(List.of("PD 0xa000[2] = 0x0"), steps(t));
        assertEquals("NOT_PRESENT at PD: PD entry not present (PD[2] = 0x0)", result(t));
    }

    @Test
    void notPresentPteFaultsAtThePageTableEvenWithOtherBitsSet() {
        Translation t = walk(TABLES, MODE, CR3, 0x00402000L);
        assertEquals("NOT_PRESENT at PT: PT entry not present (PT[2] = 0x12346002)", result(t));
    }

    @Test
    void readOnlyPdeMakesEveryPageBelowItReadOnly() {
        // SDM 4.6.1: a write is allowed only if R/W = 1 in every paging-structure entry used
        assertEquals("0x22222000 0x1000 ro user x", result(walk(TABLES, MODE, CR3, 0x00c00000L)));
    }

    @Test
    void supervisorPdeMakesEveryPageBelowItSupervisor() {
        // SDM 4.6: user-mode access needs U/S = 1 in every paging-structure entry used
        assertEquals("0x33333000 0x1000 rw kernel x", result(walk(TABLES, MODE, CR3, 0x01000000L)));
    }

    @Test
    void addressesAboveFourGibCannotBeTranslated() {
        Translation t = walk(TABLES, MODE, CR3, 0x1_0040_1234L);
        assertEquals(FaultKind.INVALID_ADDRESS, t.fault().orElseThrow().kind());
        assertTrue(t.steps().isEmpty());
    }

    @Test
    void aTableMissingFromTheDumpIsNoData() {
        // PD[5] points at 0xe000, which no page of the memory holds
        SparseMemory m = TableText.into(TableText.parse(4, "0xa014: 0x0000e001"), 4, "");
        Translation t = walk(m, MODE, CR3, 0x01400000L);
        assertEquals(FaultKind.NO_DATA, t.fault().orElseThrow().kind());
        assertEquals("PT", t.fault().orElseThrow().level());
    }
}
