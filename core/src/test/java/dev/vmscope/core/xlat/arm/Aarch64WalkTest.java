package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.testing.tables.TableText;
import dev.vmscope.core.xlat.DecodedEntry;
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

/**
 * AArch64 stage 1 descriptors (Arm ARM D8.3): invalid (bit 0 clear), block (01) at the levels the granule
 * allows, table (11) above the last level and page (11) at L3. Stage 1 attributes: AttrIndx 4:2, NS 5,
 * AP[2:1] 7:6 (AP[2] read-only, AP[1] EL0 access), SH 9:8, AF 10, nG 11, GP 50, DBM 51, Contiguous 52,
 * PXN 53, UXN 54; table descriptors: PXNTable 59, UXNTable 60, APTable 62:61 (bit 61: no EL0 access below,
 * bit 62: no write below), NSTable 63 (D8.4). Permissions are the kernel's (EL1) view.
 */
class Aarch64WalkTest {
    private static final PagingMode K4_48 = PagingModes.aarch64(12, 48, 48);
    /** TTBR with an ASID in bits 63:48 and CnP in bit 0, neither part of the base address. */
    private static final long TTBR = 0x0012_0000_0000_4001L;

    private static final SparseMemory TABLES = TableText.parse(8, """
            0x4000: 0x0000000000008003   # L0[0]: table 0x8000
            0x4008: 0x0000000000005003   # L0[1]: table 0x5000
            0x4010: 0x0000000000000401   # L0[2]: a block, which L0 of a 4 KiB granule does not allow
            0x4018: 0x6000000000009003   # L0[3]: table 0x9000, APTable = 11 (no write, no EL0 below)
            0x4020: 0x080000000000a003   # L0[4]: table 0xa000, PXNTable
            0x4028: 0x900000000000a003   # L0[5]: table 0xa000, UXNTable and NSTable
            0x5028: 0x0000000000006003   # L1[5] under L0[1]: table 0x6000
            0x6018: 0x0000000000007003   # L2[3]: table 0x7000
            0x7018: 0x0000876543210713   # L3[3]: page 0x876543210000, AF, SH inner, AttrIndx 4
            0x7020: 0x0000000012345401   # L3[4]: bits 1:0 = 01, reserved at L3
            0x7028: 0x0010000012346403   # L3[5]: page 0x12346000, AF, Contiguous
            0x8008: 0x006000c000000401   # L1[1] under L0[0]: 1 GiB block 0xc000000000, PXN UXN
            0x8010: 0x000000000000b003   # L1[2] under L0[0]: table 0xb000
            0xb000: 0x00000001234004c1   # L2[0]: 2 MiB block 0x123400000, AF, AP[2:1] = 11 (read-only, EL0)
            0x9000: 0x000000000000c003   # L1[0] under L0[3]: table 0xc000
            0xc000: 0x00000000000d0003   # L2[0]: table 0xd0000
            0xd0000: 0x0000000044444443  # L3[0]: page 0x44444000, AF, AP[1] (EL0), writable
            0xa000: 0x0000000040000401   # L1[0] under L0[4] and L0[5]: 1 GiB block 0x40000000
            """);

    @Test
    void fourLevelsToAFourKibPage() {
        // 0x814060 3abc: L0 = bits 47:39 = 1, L1 = bits 38:30 = 5, L2 = bits 29:21 = 3, L3 = bits 20:12 = 3
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0081_4060_3abcL);
        assertEquals(List.of("L0 0x4000[1] = 0x5003", "L1 0x5000[5] = 0x6003", "L2 0x6000[3] = 0x7003",
                "L3 0x7000[3] = 0x876543210713"), steps(t));
        assertEquals("0x876543210abc 0x1000 rw kernel x", result(t));
        assertEquals(List.of("valid", "page", "attrindx=4", "rw", "sh=inner", "af"), lastFlags(t));
    }

    @Test
    void ttbr1HalfIndexesTheSameBitsAsTheTtbr0Half() {
        // the walk of the upper half uses its own TTBR; the indices come from the same VA bits
        Translation low = walk(TABLES, K4_48, TTBR, 0x0000_0081_4060_3abcL);
        Translation high = walk(TABLES, K4_48, TTBR, 0xffff_0081_4060_3abcL);
        assertEquals(steps(low), steps(high));
        assertEquals(result(low), result(high));
    }

    @ParameterizedTest
    @CsvSource({"0x0001008140603abc", "0xfffe008140603abc", "0x8000000000000000", "0x7fff000000000000"})
    void addressesWhoseTopBitsAreNeitherAllZeroNorAllOneAreInvalid(String va) {
        Translation t = walk(TABLES, K4_48, TTBR, Long.parseUnsignedLong(va.substring(2), 16));
        assertEquals(FaultKind.INVALID_ADDRESS, t.fault().orElseThrow().kind());
        assertEquals(List.of(), t.steps());
    }

    @Test
    void oneGibBlockAtL1() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x4123_4567L);
        assertEquals("0xc001234567 0x40000000 rw kernel nx", result(t));
        assertEquals(List.of("valid", "block", "attrindx=0", "rw", "sh=non", "af", "pxn", "uxn"), lastFlags(t));
    }

    @Test
    void twoMibBlockAtL2() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x8012_3456L);
        assertEquals("0x123523456 0x200000 ro user x", result(t));
    }

    @Test
    void blockAtL0IsInvalidWithoutLpa2() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0100_0000_0000L);
        assertEquals(FaultKind.CORRUPT, t.fault().orElseThrow().kind());
        assertEquals("L0 entry is a block descriptor (bits 1:0 = 01), which this level does not allow with a 4 KiB granule",
                t.fault().orElseThrow().reason());
    }

    @Test
    void blockEncodingAtL3IsReserved() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0081_4060_4000L);
        assertEquals("CORRUPT at L3: L3 entry is reserved (bits 1:0 = 01 at the last level) (L3[4] = 0x12345401)", result(t));
    }

    @Test
    void contiguousHintIsNamedAndDoesNotChangeTheTranslation() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0081_4060_5010L);
        assertEquals("0x12346010 0x1000 rw kernel x", result(t));
        assertEquals(List.of("valid", "page", "attrindx=0", "rw", "sh=non", "af", "cont"), lastFlags(t));
    }

    @Test
    void apTableRemovesWriteAndEl0AccessBelowIt() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0180_0000_0123L);
        assertEquals(List.of("valid", "table", "aptable=3"), t.steps().getFirst().decoded().flags());
        // the page itself is writable and EL0-accessible; APTable = 11 takes both away
        assertEquals("0x44444123 0x1000 ro kernel x", result(t));
    }

    @Test
    void pxnTableMakesTheKernelUnableToExecuteBelowIt() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0200_0000_0000L);
        assertEquals(List.of("valid", "table", "pxntable"), t.steps().getFirst().decoded().flags());
        assertEquals("0x40000000 0x40000000 rw kernel nx", result(t));
    }

    @Test
    void uxnTableLeavesTheKernelAbleToExecute() {
        Translation t = walk(TABLES, K4_48, TTBR, 0x0000_0280_0000_0000L);
        assertEquals(List.of("valid", "table", "xntable", "nstable"), t.steps().getFirst().decoded().flags());
        assertEquals("0x40000000 0x40000000 rw kernel x", result(t));
    }

    @Test
    void everyLeafAttributeIsNamed() {
        long raw = 0x0000_0000_1234_5000L | 7 << 2 | 1 << 5 | 1 << 6 | 1 << 7 | 2 << 8 | 1 << 10 | 1 << 11
                | 1L << 50 | 1L << 51 | 1L << 52 | 1L << 53 | 1L << 54 | 3;
        DecodedEntry e = K4_48.entries().decode(raw, 3, K4_48.form());
        assertEquals(List.of("valid", "page", "attrindx=7", "ns", "ro", "user", "sh=outer", "af", "ng",
                "gp", "dbm", "cont", "pxn", "uxn"), e.flags());
        assertEquals(0x12345000L, e.target());
        assertEquals(List.of(false, true, true), List.of(e.writable(), e.user(), e.noExecute()));
    }

    @ParameterizedTest
    @CsvSource({"0, non", "1, reserved", "2, outer", "3, inner"})
    void shareabilityEncodings(int sh, String name) {
        DecodedEntry e = K4_48.entries().decode(0x1000L | (long) sh << 8 | 3, 3, K4_48.form());
        assertEquals("sh=" + name, e.flags().get(4));
    }

    @Test
    void ttbrBaseDropsAsidAndCnp() {
        assertEquals(0x4000L, K4_48.entries().rootTable(TTBR));
    }
}
