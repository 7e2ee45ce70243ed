package dev.vmscope.core.xlat;

import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.tables.TableText;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A walk can start below the top level when another method resolved the levels above (a FreeBSD
 * minidump gives amd64 page-directory entries in an array, and the page tables they point to are in
 * physical memory): the steps before are kept and the access they granted still limits the result.
 */
class ContinueWalkTest {
    private static final PagingMode PAE = PagingModes.x86Pae();

    @Test
    void continuesAtTheGivenLevelAfterTheStepsBefore() {
        var memory = TableText.parse(8, "0xc008: 0x0000000012345007   # PT[1]: page 0x12345000, P RW US");
        WalkStep before = new WalkStep("PD", 0x800, Space.PHYSICAL, 1, 29, 21, 0x808, 0xc001, new DecodedEntry(
                true, false, 0xc000, List.of("present"), false, true, false));
        Translation t = new PageTableWalker(memory, PAE, ByteOrder.LITTLE_ENDIAN)
                .continueWalk(0x00201234L, 0x800, 2, 0xc000, List.of(before), new Permissions(false, true, true));
        assertEquals(List.of("PD 0x800[1] = 0xc001", "PT 0xc000[1] = 0x12345007"), steps(t));
        // the page is writable, but the level above was not
        assertEquals("0x12345234 0x1000 ro user x", result(t));
        assertEquals(0x800, t.root());
    }
}
