package dev.vmscope.core.xen;

import dev.vmscope.core.Progress;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * P2m tables that are corrupt or hostile: lists that name themselves, frames outside the dump or past
 * 40 bits, a missing frame-list-list, an absurd max_pfn, a table with duplicates. Each ends in a bounded
 * time with the pfns it cannot reach said so, never with an invented address.
 */
@Timeout(60)
class HostileP2mTest {

    private static TreeP2m tree(String spec, long maxPfn) {
        return new TreeP2m(MachineImage.parse(Space.MACHINE, spec), 0x100, new MaxPfn(maxPfn, "given"), ByteOrder.LITTLE_ENDIAN, "test");
    }

    @Test
    void aTreeThatNamesItselfIsALoopNotAMap() {
        TreeP2m p = tree("""
                0x100000: 0x100 0x101                   # [0] names the frame-list-list itself
                0x100010..0x101000: fill 0xffffffffffffffff
                0x101000: 0x101 0x100 0x110             # frame list: itself, the frame-list-list, a real leaf
                0x101018..0x102000: fill 0xffffffffffffffff
                0x110000..0x111000: fill 0xffffffffffffffff
                0x110000: 0x777
                """, 4 * 512 * 512);
        P2mMap map = p.enumerate(Progress.NONE);
        List<PfnRange> loops = map.unreachable().stream().filter(r -> r.reason().contains("loop")).toList();
        assertEquals(List.of(0L, 512L * 512, 512L * 512 + 512), loops.stream().map(PfnRange::start).toList());
        assertEquals(0x777, map.mfn(512L * 512 + 1024).orElseThrow());
        assertEquals(1, map.runs().size());
    }

    @Test
    void framesOutsideTheDumpOrPast40BitsAreUnreachable() {
        TreeP2m p = tree("""
                0x100000: 0xfffff 0x101                 # a frame list outside the dump, a real one
                0x100010..0x101000: fill 0xffffffffffffffff
                0x101000: 0xeeeee 0x10000000000 0x110   # a leaf outside the dump, a frame past 40 bits, a real leaf
                0x101018..0x102000: fill 0xffffffffffffffff
                0x110000..0x111000: fill 0xffffffffffffffff
                0x110000: 0x555
                """, 2 * 512 * 512);
        P2mMap map = p.enumerate(Progress.NONE);
        assertEquals(P2mKind.UNREACHABLE, map.lookup(3).kind());
        assertTrue(map.lookup(3).explanation().contains("frame list page at machine 0xfffff000 is not in the dump"), map.lookup(3).explanation());
        long second = 512L * 512;
        assertTrue(map.lookup(second).explanation().contains("leaf page at machine 0xeeeee000 is not in the dump"));
        assertTrue(map.lookup(second + 512).explanation().contains("names no p2m page"));
        assertEquals(0x555, map.mfn(second + 1024).orElseThrow());
        P2mLookup walked = p.lookup(3);
        assertEquals(P2mKind.UNREACHABLE, walked.kind());
        assertEquals(FaultKind.NO_DATA, walked.walk().orElseThrow().fault().orElseThrow().kind());
        assertTrue(walked.machine().isEmpty());
    }

    @Test
    void aMissingFrameListListLeavesEveryPfnUnreachable() {
        TreeP2m p = new TreeP2m(MachineImage.parse(Space.MACHINE, "0x200000: 0x1"), 0x100, new MaxPfn(1000, "given"),
                ByteOrder.LITTLE_ENDIAN, "test");
        P2mMap map = p.enumerate(Progress.NONE);
        assertEquals(List.of(new PfnRange(0, 1000, P2mKind.UNREACHABLE, "frame-list-list page at machine 0x100000 is not in the dump")),
                map.gaps());
        assertTrue(map.runs().isEmpty());
    }

    /**
     * The page at 0x1000 is the root of a linear p2m's page tables, every table below it and every leaf page:
     * each word is 0x1003 (present, writable, frame 1), so every pfn names the same machine frame 0x1003 and
     * makes a run of its own. Refused at the cap on runs, after 128 leaf pages, not after millions of runs.
     */
    @Test
    @Timeout(10)
    void aLinearListWhoseEveryEntryNamesOneFrameIsRefusedAtTheCap() {
        MachineImage m = MachineImage.parse(Space.MACHINE, "0x1000..0x2000: fill 0x1003");
        LinearP2m p = new LinearP2m(m, 0x1000, 0xffffc90000000000L, new MaxPfn(1L << 40, "given"),
                PagingModes.x86_64(false, X86_64Entry.standard()), ByteOrder.LITTLE_ENDIAN, "test");
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class, () -> p.enumerate(Progress.NONE));
        assertTrue(e.getMessage().contains("more than " + P2mLimits.DEFAULT.maxPieces() + " runs and gaps"), e.getMessage());
        assertEquals(0x1003, p.lookup(12345).mfn().orElseThrow(), "single lookups still work");
    }

    /** A tree whose lists all name one page of identity entries: one run, found without reading 2^27 entries. */
    @Test
    @Timeout(10)
    void aTreeWhoseEveryLeafIsOneSharedPageIsReadOnce() {
        TreeP2m p = tree("""
                0x100000..0x101000: fill 0x101
                0x101000..0x102000: fill 0x1ff
                0x1ff000..0x200000: fill 0x4000000000000000
                """, Long.MAX_VALUE);
        P2mMap map = p.enumerate(Progress.NONE);
        assertEquals(List.of(new P2mRun(0, 0, TreeP2m.REACH, P2mKind.IDENTITY)), map.runs());
        assertEquals(TreeP2m.REACH, p.filledExtent());
    }

    @Test
    void anAbsurdMaxPfnIsBoundedByTheTreesReach() {
        TreeP2m p = tree("""
                0x100000..0x101000: fill 0x101
                0x101000..0x102000: fill 0x1ff
                0x1ff000..0x200000: fill 0xffffffffffffffff
                """, Long.MAX_VALUE);
        P2mMap map = p.enumerate(Progress.NONE);
        assertEquals(2, map.gaps().size());
        assertEquals(TreeP2m.REACH, map.gaps().get(1).start());
        assertEquals(Long.MAX_VALUE, map.gaps().get(1).end());
    }

    @Test
    void aTableWithDuplicatesUnsortedRowsAndInvalidSlots() {
        long inv = TableP2m.INVALID_PFN;
        TableP2m t = new TableP2m(new long[] {5, 1, inv, 1, 2, 3}, new long[] {0x105, 0x101, 0x999, 0x777, -1L, 0x4000000000000003L}, "test");
        assertEquals(6, t.maxPfn().value());
        assertEquals(0x101, t.lookup(1).mfn().orElseThrow(), "the first row for a pfn wins");
        assertEquals(P2mKind.INVALID, t.lookup(2).kind());
        assertEquals(P2mKind.IDENTITY, t.lookup(3).kind());
        assertEquals(P2mKind.UNREACHABLE, t.lookup(4).kind());
        P2mMap map = t.enumerate(Progress.NONE);
        assertEquals(List.of(new P2mRun(1, 0x101, 1, P2mKind.MAPPED), new P2mRun(3, 3, 1, P2mKind.IDENTITY),
                new P2mRun(5, 0x105, 1, P2mKind.MAPPED)), map.runs());
        assertEquals(1, map.invalidCount());
        assertTrue(map.pfn(0x999).isEmpty(), "a row with an invalid pfn names no page");
    }
}
