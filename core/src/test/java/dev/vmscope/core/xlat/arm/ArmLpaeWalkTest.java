package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.testing.tables.TableText;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.lastFlags;
import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static dev.vmscope.core.testing.tables.Walks.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ARMv7 LPAE long descriptors (ARMv7-A ARM B3.6) over a 32-bit input address with TTBCR.T0SZ = 0: the
 * first-level table has four entries indexed by VA bits 31:30, the second and third levels 512 entries
 * indexed by bits 29:21 and 20:12. Blocks map 1 GiB at L1 and 2 MiB at L2; output addresses are 40 bits
 * (descriptor bits 39:12); XN (bit 54) forbids execution at every level, PXN (bit 53) at PL1; XNTable and
 * PXNTable do the same for everything below a table (B3.6.1, Figures B3-15 and B3-16).
 */
class ArmLpaeWalkTest {
    private static final PagingMode MODE = PagingModes.armLpae();
    /** 64-bit TTBR0: ASID in bits 55:48 is not part of the base address. */
    private static final long TTBR0 = 0x00ab_0000_0000_4000L;

    private static final SparseMemory TABLES = TableText.parse(8, """
            0x4000: 0x0000000000006003   # L1[0]: table 0x6000
            0x4008: 0x1000000000005003   # L1[1]: table 0x5000, XNTable
            0x4010: 0x0000000000000000   # L1[2]: invalid
            0x4018: 0x004000ffc0000705   # L1[3]: 1 GiB block 0xffc0000000, XN, AF, SH inner, AttrIndx 1
            0x5008: 0x00000012344004c1   # L2[1] under L1[1]: 2 MiB block 0x1234400000, AF, AP[2:1] = 11
            0x5010: 0x0000000000000000   # L2[2] under L1[1]: invalid
            0x6008: 0x0000000000007003   # L2[1] under L1[0]: table 0x7000
            0x6010: 0x8000000000008003   # L2[2] under L1[0]: table 0x8000, NSTable
            0x7008: 0x00000089abcdec03   # L3[1]: page 0x89abcde000, AF, nG
            0x7010: 0x0000f00011111403   # L3[2]: page 0x11111000 with bits 47:40 set (UNK/SBZP at 40 bits)
            0x7018: 0x0000000022222401   # L3[3]: bits 1:0 = 01, reserved at the last level
            0x7020: 0x0000000000000000   # L3[4]: invalid
            0x8000: 0x0020000033333403   # L3[0] under table 0x8000: page 0x33333000, PXN
            """);

    @Test
    void oneGibBlockAtTheFirstLevelWithFortyBitOutput() {
        Translation t = walk(TABLES, MODE, TTBR0, 0xc0123456L);
        assertEquals(List.of("L1 0x4000[3] = 0x4000ffc0000705"), steps(t));
        // PA = descriptor bits 39:30 | VA bits 29:0; XN: not executable at any level
        assertEquals("0xffc0123456 0x40000000 rw kernel nx", result(t));
        assertEquals(List.of("valid", "block", "attrindx=1", "rw", "sh=inner", "af", "xn"), lastFlags(t));
    }

    @Test
    void twoMibBlockAtTheSecondLevelUnderAnXnTable() {
        // 0x40345678: L1[1], L2 index = bits 29:21 = 1, offset 0x145678
        Translation t = walk(TABLES, MODE, TTBR0, 0x40345678L);
        assertEquals(List.of("L1 0x4000[1] = 0x1000000000005003", "L2 0x5000[1] = 0x12344004c1"), steps(t));
        assertEquals(List.of("valid", "table", "xntable"), t.steps().getFirst().decoded().flags());
        // AP[2:1] = 11: read-only at PL1 and PL0; XNTable: nothing below executes (ARMv7 has no UXN split)
        assertEquals("0x1234545678 0x200000 ro user nx", result(t));
    }

    @Test
    void fourKibPageInThreeSteps() {
        Translation t = walk(TABLES, MODE, TTBR0, 0x00201234L);
        assertEquals(List.of("L1 0x4000[0] = 0x6003", "L2 0x6000[1] = 0x7003", "L3 0x7000[1] = 0x89abcdec03"), steps(t));
        assertEquals("0x89abcde234 0x1000 rw kernel x", result(t));
        assertEquals(List.of("valid", "page", "attrindx=0", "rw", "sh=non", "af", "ng"), lastFlags(t));
    }

    @Test
    void outputAddressesAreFortyBits() {
        assertEquals("0x11111000 0x1000 rw kernel x", result(walk(TABLES, MODE, TTBR0, 0x00202000L)));
    }

    @Test
    void pxnAndNsTable() {
        Translation t = walk(TABLES, MODE, TTBR0, 0x00400000L);
        assertEquals(List.of("valid", "table", "nstable"), t.steps().get(1).decoded().flags());
        assertEquals("0x33333000 0x1000 rw kernel nx", result(t));
    }

    @Test
    void invalidAtEachLevel() {
        assertEquals("NOT_PRESENT at L1: L1 entry not present (L1[2] = 0x0)", result(walk(TABLES, MODE, TTBR0, 0x80000000L)));
        assertEquals("NOT_PRESENT at L2: L2 entry not present (L2[2] = 0x0)", result(walk(TABLES, MODE, TTBR0, 0x40400000L)));
        assertEquals("NOT_PRESENT at L3: L3 entry not present (L3[4] = 0x0)", result(walk(TABLES, MODE, TTBR0, 0x00204000L)));
    }

    @Test
    void blockEncodingAtTheLastLevelIsReserved() {
        Translation t = walk(TABLES, MODE, TTBR0, 0x00203000L);
        assertEquals(FaultKind.CORRUPT, t.fault().orElseThrow().kind());
        assertEquals("L3 entry is reserved (bits 1:0 = 01 at the last level)", t.fault().orElseThrow().reason());
    }

    @Test
    void inputAddressesAreThirtyTwoBits() {
        assertEquals(FaultKind.INVALID_ADDRESS, walk(TABLES, MODE, TTBR0, 0x1_0000_0000L).fault().orElseThrow().kind());
    }
}
