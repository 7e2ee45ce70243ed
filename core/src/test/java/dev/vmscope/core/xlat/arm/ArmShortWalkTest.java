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
 * ARMv7 short-descriptor translation (ARMv7-A ARM B3.5): with TTBCR.N = 0, TTBR0 bits 31:14 locate a
 * 16 KiB first-level table indexed by VA bits 31:20; a page-table descriptor (type 01) points to a 1 KiB
 * second-level table indexed by VA bits 19:12. First-level sections (type 1x, bit 18 clear) map 1 MiB,
 * supersections (bit 18 set) 16 MiB and are repeated in 16 consecutive entries; second-level large pages
 * (type 01) map 64 KiB and are repeated in 16 entries, small pages (type 1x) map 4 KiB (Figures B3-4, B3-5).
 */
class ArmShortWalkTest {
    private static final PagingMode MODE = PagingModes.armShort();
    /** TTBR0 with IRGN, S and RGN bits set: bits 13:0 are not address bits. */
    private static final long TTBR0 = 0x404a;

    private static final SparseMemory TABLES = TableText.parse(4, """
            0x4000: 0x00005c61         # L1[0x000]: page table at 0x5c00, domain 3
            0x4004: 0x00005804         # L1[0x001]: type 00 -> fault, whatever the other bits
            0x4008: 0x00005c0d         # L1[0x002]: page table at 0x5c00, PXN (bit 2) NS (bit 3)
            0x7000: 0x8000040e         # L1[0xc00]: section 0x80000000, C B, AP=001, domain 0
            0x7004: 0x80139c12         # L1[0xc01]: section 0x80100000, XN TEX=001 AP[1:0]=11 APX S nG
            0x7008: 0x802000a2         # L1[0xc02]: section 0x80200000, domain 5, AP=000
            0x700c: 0x80300c03         # L1[0xc03]: type 11: a section with PXN (bit 0) where PXN exists
            0x7440: 0xa0340ca2 x16     # L1[0xd10..0xd1f]: supersection PA[39:36]=5 PA[35:32]=3 PA[31:24]=0xa0
            0x5c48: 0x8765417f         # L2[0x12]: small page 0x87654000, XN C B AP=011 TEX=101
            0x5c4c: 0x00000000         # L2[0x13]: fault
            0x5cc0: 0x43218021 x16     # L2[0x30..0x3f]: large page 0x43210000, XN AP=010
            """);

    @Test
    void sectionMapsOneMibInOneStep() {
        Translation t = walk(TABLES, MODE, TTBR0, 0xc0012345L);
        assertEquals(List.of("L1 0x4000[3072] = 0x8000040e"), steps(t));
        // PA = descriptor bits 31:20 | VA bits 19:0; AP[2:0] = 001: PL1 read/write, PL0 no access (Table B3-6)
        assertEquals("0x80012345 0x100000 rw kernel x", result(t));
        assertEquals(List.of("section", "b", "c", "domain=0", "tex=0", "ap=priv-rw"), lastFlags(t));
    }

    @Test
    void sectionAttributesXnTexApxSharedAndNotGlobal() {
        Translation t = walk(TABLES, MODE, TTBR0, 0xc0100000L);
        // AP[2:0] = 111: read-only at PL1 and PL0; XN: never executable
        assertEquals("0x80100000 0x100000 ro user nx", result(t));
        assertEquals(List.of("section", "xn", "domain=0", "tex=1", "ap=ro", "s", "ng"), lastFlags(t));
    }

    @Test
    void sectionDomainIsBits8To5() {
        Translation t = walk(TABLES, MODE, TTBR0, 0xc0200000L);
        assertEquals(List.of("section", "domain=5", "tex=0", "ap=none"), lastFlags(t));
        assertEquals("0x80200000 0x100000 ro kernel x", result(t));
    }

    @Test
    void typeElevenIsASectionWithPxnWhenTheCpuHasPxn() {
        // B3.5.1: bits 1:0 = 11 encode a section with PXN = 1 on implementations that include PXN
        Translation t = walk(TABLES, MODE, TTBR0, 0xc0300000L);
        assertEquals("0x80300000 0x100000 rw user nx", result(t));
        assertEquals(List.of("section", "pxn", "domain=0", "tex=0", "ap=rw"), lastFlags(t));
    }

    @Test
    void typeElevenIsReservedWithoutPxn() {
        PagingMode noPxn = new PagingMode("arm-short", PagingModes.ARM_SHORT, new ArmShortEntry(false));
        Translation t = walk(TABLES, noPxn, TTBR0, 0xc0300000L);
        assertEquals(FaultKind.CORRUPT, t.fault().orElseThrow().kind());
        assertEquals("L1", t.fault().orElseThrow().level());
    }

    @Test
    void supersectionTakesExtendedBaseAddressBits() {
        // 0xd1234567: L1 index 0xd12, inside the 16 entries 0xd10..0xd1f; PA = PA[39:24] | VA bits 23:0
        Translation t = walk(TABLES, MODE, TTBR0, 0xd1234567L);
        assertEquals(List.of("L1 0x4000[3346] = 0xa0340ca2"), steps(t));
        assertEquals("0x53a0234567 0x1000000 rw user x", result(t));
        assertEquals(List.of("supersection", "tex=0", "ap=rw"), lastFlags(t));
    }

    @Test
    void smallPageThroughASecondLevelTable() {
        // VA 0x00012345: L1[0] -> table 0x5c00; L2 index = VA bits 19:12 = 0x12; entry at 0x5c00 + 0x48
        Translation t = walk(TABLES, MODE, TTBR0, 0x00012345L);
        assertEquals(List.of("L1 0x4000[0] = 0x5c61", "L2 0x5c00[18] = 0x8765417f"), steps(t));
        assertEquals(List.of("table", "domain=3"), t.steps().getFirst().decoded().flags());
        assertEquals("0x87654345 0x1000 rw user nx", result(t));
        // small page: XN is bit 0, TEX bits 8:6, AP[1:0] bits 5:4, AP[2] bit 9
        assertEquals(List.of("small", "b", "c", "tex=5", "ap=rw", "xn"), lastFlags(t));
    }

    @Test
    void largePageIsRepeatedSixteenTimesAndMapsSixtyFourKib() {
        // VA 0x0003abcd: L2 index 0x3a, one of 0x30..0x3f; PA = descriptor bits 31:16 | VA bits 15:0
        Translation t = walk(TABLES, MODE, TTBR0, 0x0003abcdL);
        assertEquals("L2 0x5c00[58] = 0x43218021", steps(t).getLast());
        assertEquals("0x4321abcd 0x10000 rw user nx", result(t));
        // large page: XN is bit 15, TEX bits 14:12; AP = 010: PL1 read/write, PL0 read-only
        assertEquals(List.of("large", "tex=0", "ap=priv-rw,user-ro", "xn"), lastFlags(t));
    }

    @Test
    void pageTableDescriptorPxnAndNs() {
        Translation t = walk(TABLES, MODE, TTBR0, 0x00212345L);
        assertEquals(List.of("table", "domain=0", "pxn", "ns"), t.steps().getFirst().decoded().flags());
        // PXN in the page-table descriptor: nothing below it executes at PL1
        assertEquals("0x87654345 0x1000 rw user nx", result(t));
    }

    @Test
    void faultEntriesAtBothLevels() {
        assertEquals("NOT_PRESENT at L1: L1 entry not present (L1[1] = 0x5804)", result(walk(TABLES, MODE, TTBR0, 0x00100000L)));
        assertEquals("NOT_PRESENT at L2: L2 entry not present (L2[19] = 0x0)", result(walk(TABLES, MODE, TTBR0, 0x00013000L)));
    }

    /** Access permissions AP[2:0] with SCTLR.AFE = 0 (ARMv7-A ARM Table B3-8). */
    @ParameterizedTest
    @CsvSource({
            "0, none,            false, false",
            "1, priv-rw,         true,  false",
            "2, 'priv-rw,user-ro', true, true",
            "3, rw,              true,  true",
            "4, reserved,        false, false",
            "5, priv-ro,         false, false",
            "6, ro,              false, true",
            "7, ro,              false, true"})
    void everyApCombination(int ap, String name, boolean writable, boolean user) {
        // a small page with AP[1:0] in bits 5:4 and AP[2] in bit 9
        long entry = 0x12345002L | (ap & 3L) << 4 | ((ap >> 2) & 1L) << 9;
        DecodedEntry e = new ArmShortEntry().decode(entry, 1, PagingModes.ARM_SHORT);
        assertEquals(List.of("small", "tex=0", "ap=" + name), e.flags());
        assertEquals(List.of(writable, user), List.of(e.writable(), e.user()));
        // the same permissions in a section: AP[1:0] in bits 11:10, AP[2] in bit 15
        long section = 0x12300002L | (ap & 3L) << 10 | ((ap >> 2) & 1L) << 15;
        DecodedEntry s = new ArmShortEntry().decode(section, 0, PagingModes.ARM_SHORT);
        assertEquals(List.of(writable, user), List.of(s.writable(), s.user()));
    }

    @Test
    void ttbr0AlignsTheFirstLevelTableToSixteenKib() {
        assertEquals(0x4000L, new ArmShortEntry().rootTable(0x7fffL));
        assertEquals(FaultKind.INVALID_ADDRESS, walk(TABLES, MODE, TTBR0, 0x1_0000_0000L).fault().orElseThrow().kind());
    }
}
