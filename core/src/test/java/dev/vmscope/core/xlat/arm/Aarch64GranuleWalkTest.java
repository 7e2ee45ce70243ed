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
 * The 16 KiB and 64 KiB granules and 52-bit output addresses (Arm ARM D8.3.1): 16 KiB blocks exist at L2
 * (32 MiB), and at L1 (64 GiB) only with FEAT_LPA2; 64 KiB blocks at L2 (512 MiB), and at L1 (4 TiB) only
 * with FEAT_LPA. With FEAT_LPA and the 64 KiB granule, descriptor bits 15:12 hold output address bits 51:48;
 * with FEAT_LPA2 (TCR.DS = 1) the address field is bits 49:granule, bits 9:8 hold address bits 51:50 and
 * shareability comes from TCR instead; the 4 KiB granule then allows blocks at L0 (512 GiB) and a 52-bit
 * VA walk starts at L-1.
 */
class Aarch64GranuleWalkTest {

    @Test
    void sixteenKibGranuleWalksFourLevelsToAPage() {
        PagingMode mode = PagingModes.aarch64(14, 48, 48);
        // VA 0x1006001234: L0 = bit 47 = 0, L1 = bits 46:36 = 1, L2 = bits 35:25 = 3, L3 = bits 24:14 = 0
        SparseMemory m = TableText.parse(8, """
                0x10000: 0x0000000000014003   # L0[0]: table 0x14000
                0x14008: 0x0000000000018003   # L1[1]: table 0x18000
                0x14010: 0x0000001000000401   # L1[2]: a 64 GiB block, which 16 KiB allows only with LPA2
                0x18018: 0x000000000001c003   # L2[3]: table 0x1c000
                0x18020: 0x0000000040000401   # L2[4]: 32 MiB block 0x40000000
                0x1c000: 0x000012345678c403   # L3[0]: 16 KiB page 0x12345678c000
                """);
        Translation page = walk(m, mode, 0x10000, 0x0000_0010_0600_1234L);
        assertEquals(List.of("L0 0x10000[0] = 0x14003", "L1 0x14000[1] = 0x18003", "L2 0x18000[3] = 0x1c003",
                "L3 0x1c000[0] = 0x12345678c403"), steps(page));
        assertEquals("0x12345678d234 0x4000 rw kernel x", result(page));
        // L2 index 4 under L1[1]: 0x10_0000_0000 + 4 << 25, plus an offset inside the 32 MiB block
        assertEquals("0x40123456 0x2000000 rw kernel x", result(walk(m, mode, 0x10000, 0x0000_0010_0812_3456L)));
        assertEquals(FaultKind.CORRUPT, walk(m, mode, 0x10000, 0x0000_0020_0000_0000L).fault().orElseThrow().kind());
    }

    @Test
    void sixtyFourKibGranuleWith52BitOutputTakesAddressBits51To48FromBits15To12() {
        PagingMode mode = PagingModes.aarch64(16, 48, 52);
        // VA 0x40020012345: L1 = bits 47:42 = 1, L2 = bits 41:29 = 1, L3 = bits 28:16 = 1, offset 0x2345
        SparseMemory m = TableText.parse(8, """
                0x20008: 0x0000000000030003   # L1[1]: table 0x30000
                0x20010: 0x0000080000000401   # L1[2]: 4 TiB block 0x80000000000 (LPA allows L1 blocks)
                0x30008: 0x0000000000040003   # L2[1]: table 0x40000
                0x30010: 0x0000000060000401   # L2[2]: 512 MiB block 0x60000000
                0x40008: 0x000012345678a403   # L3[1]: page 0x123456780000, bits 15:12 = 0xa -> PA bits 51:48
                """);
        Translation page = walk(m, mode, 0x20000, 0x0000_0400_2001_2345L);
        assertEquals("0xa123456782345 0x10000 rw kernel x", result(page));
        assertEquals("0x80000001234 0x40000000000 rw kernel x", result(walk(m, mode, 0x20000, 0x0000_0800_0000_1234L)));
        assertEquals("0x60012345 0x20000000 rw kernel x", result(walk(m, mode, 0x20000, 0x0000_0400_4001_2345L)));
        PagingMode without = PagingModes.aarch64(16, 48, 48);
        assertEquals(FaultKind.CORRUPT, walk(m, without, 0x20000, 0x0000_0800_0000_1234L).fault().orElseThrow().kind());
        // without LPA, bits 15:12 are not address bits
        assertEquals("0x123456782345 0x10000 rw kernel x", result(walk(m, without, 0x20000, 0x0000_0400_2001_2345L)));
    }

    @Test
    void sixtyFourKibGranuleWith42BitVaHasTwoLevels() {
        PagingMode mode = PagingModes.aarch64(16, 42, 48);
        // VA 0x20012345: L2 = bits 41:29 = 1, L3 = bits 28:16 = 1
        SparseMemory m = TableText.parse(8, """
                0x20008: 0x0000000000030003   # L2[1]: table 0x30000
                0x30008: 0x0000000077770403   # L3[1]: page 0x77770000
                """);
        Translation t = walk(m, mode, 0x20000, 0x2001_2345L);
        assertEquals(List.of("L2 0x20000[1] = 0x30003", "L3 0x30000[1] = 0x77770403"), steps(t));
        assertEquals("0x77772345 0x10000 rw kernel x", result(t));
    }

    @Test
    void ttbrHoldsBaseAddressBits51To48InBits5To2With52BitOutput() {
        assertEquals(0x000f_0000_0001_0000L, PagingModes.aarch64(16, 48, 52).entries().rootTable(0x0012_0000_0001_003cL));
        assertEquals(0x000f_0000_0001_0000L, PagingModes.aarch64(12, 52, 52).entries().rootTable(0x0012_0000_0001_003cL));
        assertEquals(0x0000_0000_0001_003cL, PagingModes.aarch64(12, 48, 48).entries().rootTable(0x0012_0000_0001_003cL));
    }

    @Test
    void lpa2FourKibGranuleWalksFiveLevelsFromLMinus1() {
        PagingMode mode = PagingModes.aarch64(12, 52, 52);
        // VA 0x1008040001234: L-1 = bits 51:48 = 1, L0 = bits 47:39 = 1, L1 = bits 38:30 = 1, L2 = 0, L3 = 1
        SparseMemory m = TableText.parse(8, """
                0x4008: 0x0000000000005003               # L-1[1]: table 0x5000
                0x5008: 0x0000000000006303               # L0[1]: table at 0xc000000006000 (bits 9:8 = 11 -> PA bits 51:50)
                0x5010: 0x0000008000000601               # L0[2]: 512 GiB block 0x8008000000000 (bits 9:8 = 10)
                0xc000000006008: 0x0000000000007003      # L1[1]: table 0x7000
                0x7000: 0x0000000000008003               # L2[0]: table 0x8000
                0x8008: 0x0003000012345603               # L3[1]: page, bits 49:12 = 0x3000012345, bits 9:8 = 10
                """);
        Translation t = walk(m, mode, 0x4000, 0x0001_0080_4000_1234L);
        assertEquals(List.of("L-1", "L0", "L1", "L2", "L3"), t.steps().stream().map(s -> s.level()).toList());
        assertEquals(0xc_0000_0000_6000L, t.steps().get(2).table());
        assertEquals("0xb000012345234 0x1000 rw kernel x", result(t));
        // no SH field: bits 9:8 are address bits with TCR.DS = 1
        assertEquals(List.of("valid", "page", "attrindx=0", "rw", "af"), lastFlags(t));
        // L0 index 2 under L-1[1]: a 512 GiB block, allowed at L0 with FEAT_LPA2
        assertEquals("0x8008000005678 0x8000000000 rw kernel x", result(walk(m, mode, 0x4000, 0x0001_0100_0000_5678L)));
    }

    @Test
    void lpa2SixteenKibGranuleAllowsSixtyFourGibBlocksAtL1() {
        PagingMode mode = PagingModes.aarch64(14, 52, 52);
        // L0 = bits 51:47, L1 = bits 46:36: VA 0x1000001234 is L0[0], L1[1]
        SparseMemory m = TableText.parse(8, """
                0x10000: 0x0000000000014003   # L0[0]: table 0x14000
                0x14008: 0x0000003000000401   # L1[1]: 64 GiB block 0x3000000000
                """);
        assertEquals("0x3000001234 0x1000000000 rw kernel x", result(walk(m, mode, 0x10000, 0x0000_0010_0000_1234L)));
    }

    @Test
    void fiftyTwoBitVaWithFourOrSixteenKibImpliesLpa2() {
        // FEAT_LPA2 is the only way to a 52-bit VA with these granules, so bits 9:8 are address bits
        var e = PagingModes.aarch64(12, 52, 48).entries().decode(0x0000_0000_1234_5703L, 4, PagingModes.aarch64(12, 52, 48).form());
        assertEquals(0x000c_0000_1234_5000L, e.target());
    }
}
