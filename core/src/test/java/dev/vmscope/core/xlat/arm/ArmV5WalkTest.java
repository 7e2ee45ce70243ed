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
 * ARMv4/v5 translation tables (ARM ARM DDI 0100, B3.3): the first level is indexed by VA bits 31:20, a
 * coarse second-level table by bits 19:12. Sections carry one AP field (bits 11:10); large and small pages
 * carry four, AP0..AP3 in bits 5:4, 7:6, 9:8, 11:10, one per quarter of the page. With S = R = 0, AP = 00
 * is no access, 01 privileged read/write, 10 adds user read-only, 11 is read/write for all (Table B3-4).
 */
class ArmV5WalkTest {
    private static final PagingMode MODE = PagingModes.armV5();

    private static final SparseMemory TABLES = TableText.parse(4, """
            0x4000: 0x00005c21         # L1[0]: coarse table at 0x5c00, domain 1
            0x4004: 0x00006003         # L1[1]: fine table (11), not walked
            0x7000: 0x80000c1e         # L1[0xc00]: section 0x80000000, AP=11, domain 0, C B (bit 4 set as ARMv5 asks)
            0x5c48: 0x87654ffe         # L2[0x12]: small page 0x87654000, AP0..AP3 = 11, C B
            0x5c4c: 0x876555ae         # L2[0x13]: small page 0x87655000, AP3=01 AP2=01 AP1=10 AP0=10, C B
            0x5c50: 0x87656003         # L2[0x14]: type 11, tiny or extended small page
            0x5cc0: 0x43210555 x16     # L2[0x30..0x3f]: large page 0x43210000, AP0..AP3 = 01, B
            """);

    @Test
    void sectionOfOneMib() {
        Translation t = walk(TABLES, MODE, 0x4000, 0xc0012345L);
        assertEquals("0x80012345 0x100000 rw user x", result(t));
        assertEquals(List.of("section", "b", "c", "domain=0", "ap=rw"), lastFlags(t));
    }

    @Test
    void smallPageWithOnePermissionForAllFourSubpages() {
        Translation t = walk(TABLES, MODE, 0x4000, 0x00012345L);
        assertEquals(List.of("L1 0x4000[0] = 0x5c21", "L2 0x5c00[18] = 0x87654ffe"), steps(t));
        assertEquals(List.of("table", "domain=1"), t.steps().getFirst().decoded().flags());
        assertEquals("0x87654345 0x1000 rw user x", result(t));
        assertEquals(List.of("small", "b", "c", "ap=rw"), lastFlags(t));
    }

    @Test
    void subpagesWithDifferentPermissionsAreNamedOneByOne() {
        Translation t = walk(TABLES, MODE, 0x4000, 0x00013000L);
        assertEquals(List.of("small", "b", "c", "ap0=priv-rw,user-ro", "ap1=priv-rw,user-ro", "ap2=priv-rw", "ap3=priv-rw"),
                lastFlags(t));
        // only what every subpage allows: privileged read/write
        assertEquals("0x87655000 0x1000 rw kernel x", result(t));
    }

    @Test
    void largePageOfSixtyFourKib() {
        Translation t = walk(TABLES, MODE, 0x4000, 0x0003abcdL);
        assertEquals("0x4321abcd 0x10000 rw kernel x", result(t));
        assertEquals(List.of("large", "b", "ap=priv-rw"), lastFlags(t));
    }

    @Test
    void fineTablesAndTinyPagesAreNotWalked() {
        assertEquals(FaultKind.UNSUPPORTED, walk(TABLES, MODE, 0x4000, 0x00100000L).fault().orElseThrow().kind());
        assertEquals(FaultKind.UNSUPPORTED, walk(TABLES, MODE, 0x4000, 0x00014000L).fault().orElseThrow().kind());
    }

    @Test
    void faultAtBothLevels() {
        assertEquals("NOT_PRESENT at L1: L1 entry not present (L1[2] = 0x0)",
                result(walk(TableText.into(TABLES, 4, "0x4008: 0x0"), MODE, 0x4000, 0x00200000L)));
        assertEquals("NOT_PRESENT at L2: L2 entry not present (L2[21] = 0x0)",
                result(walk(TableText.into(TABLES, 4, "0x5c54: 0x0"), MODE, 0x4000, 0x00015000L)));
    }
}
