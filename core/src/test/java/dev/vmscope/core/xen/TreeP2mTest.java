package dev.vmscope.core.xen;

import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The p2m tree of Linux's {@code arch/x86/xen/p2m.c} built small: a frame-list-list, one real frame list,
 * the shared "missing" frame list and leaf, and two real leaves whose entries are ordinary, ~0, identity
 * (bit 62) and foreign (bit 63).
 */
class TreeP2mTest {
    static final String TREE = """
            # frame-list-list at mfn 0x100
            0x100000: 0x101                       # [0] -> frame list 0x101
            0x100008..0x101000: fill 0x102        # [1..511] -> the shared missing frame list
            # frame list 0x101: leaves for pfns 0-511 and 512-1023, then the missing leaf
            0x101000: 0x110 0x111
            0x101010..0x102000: fill 0x1ff
            # the shared missing frame list: every slot names the missing leaf
            0x102000..0x103000: fill 0x1ff
            # the missing leaf: 512 x ~0
            0x1ff000..0x200000: fill 0xffffffffffffffff
            # leaf 0x110, pfns 0-511: 0-9 -> 0x200+pfn, 10 invalid, 11 identity, 12 foreign mfn 0x5000, rest ~0
            0x110000: 0x200 0x201 0x202 0x203 0x204 0x205 0x206 0x207 0x208 0x209
            0x110050: 0xffffffffffffffff
            0x110058: 0x400000000000000b
            0x110060: 0x8000000000005000
            0x110068..0x111000: fill 0xffffffffffffffff
            # leaf 0x111, pfns 512-1023: all but the last backed by 0x1000.. in one run
            0x111000..0x112000: fill 0xffffffffffffffff
            """;

    static MachineImage image() {
        MachineImage m = MachineImage.parse(Space.MACHINE, TREE);
        for (int i = 0; i < 511; i++) {
            m.putLong(0x111000 + 8L * i, 0x1000 + i);
        }
        return m;
    }

    static TreeP2m tree(long maxPfn) {
        return new TreeP2m(image(), 0x100, new MaxPfn(maxPfn, "given"), ByteOrder.LITTLE_ENDIAN, "test");
    }

    @Test
    void aLookupIsAThreeLevelWalkInMachineSpace() {
        P2mLookup l = tree(1024).lookup(5);
        assertEquals(P2mKind.MAPPED, l.kind());
        assertEquals(0x205, l.mfn().orElseThrow());
        Translation t = l.walk().orElseThrow();
        assertEquals(List.of("frame-list-list", "frame-list", "p2m"), t.steps().stream().map(WalkStep::level).toList());
        assertEquals(List.of(0x100000L, 0x101000L, 0x110000L), t.steps().stream().map(WalkStep::table).toList());
        assertTrue(t.steps().stream().allMatch(s -> s.tableSpace() == Space.MACHINE));
        assertEquals(List.of(0, 0, 5), t.steps().stream().map(WalkStep::index).toList());
        assertEquals(0x205000L, t.mapping().orElseThrow().address());
        assertEquals(0x1000L + 3, tree(1024).lookup(515).mfn().orElseThrow());
    }

    @Test
    void invalidIdentityAndForeignEntries() {
        TreeP2m p = tree(1024);
        P2mLookup invalid = p.lookup(10);
        assertEquals(P2mKind.INVALID, invalid.kind());
        assertTrue(invalid.mfn().isEmpty() && invalid.machine().isEmpty(), "an invalid entry never becomes an address");
        assertFalse(invalid.walk().orElseThrow().mapped());
        assertEquals(P2mKind.IDENTITY, p.lookup(11).kind());
        assertEquals(11, p.lookup(11).mfn().orElseThrow());
        P2mLookup foreign = p.lookup(12);
        assertEquals(P2mKind.FOREIGN, foreign.kind());
        assertEquals(0x5000, foreign.mfn().orElseThrow());
        assertEquals(List.of("present", "foreign"), foreign.walk().orElseThrow().steps().getLast().decoded().flags());
    }

    @Test
    void enumerationGivesRunsAndGaps() {
        P2mMap map = tree(1024).enumerate(Progress.NONE);
        assertEquals(List.of(
                new P2mRun(0, 0x200, 10, P2mKind.MAPPED),
                new P2mRun(11, 11, 1, P2mKind.IDENTITY),
                new P2mRun(12, 0x5000, 1, P2mKind.FOREIGN),
                new P2mRun(512, 0x1000, 511, P2mKind.MAPPED)), map.runs());
        assertEquals(1 + (512 - 13) + 1, map.invalidCount());
        assertTrue(map.unreachable().isEmpty());
        assertEquals(10 + 1 + 1 + 511, map.backedCount());
        assertEquals(515, map.pfn(0x1003).orElseThrow());
        assertEquals(7, map.pfn(0x207).orElseThrow());
        assertTrue(map.pfn(0x20a).isEmpty());
    }

    @Test
    void aTreeShorterThanMaxPfnSaysWhichPfnsItDoesNotReach() {
        P2mMap map = tree(0x1800).enumerate(Progress.NONE);
        List<PfnRange> unreachable = map.unreachable();
        assertEquals(1, unreachable.size());
        PfnRange r = unreachable.getFirst();
        assertEquals(1024, r.start());
        assertEquals(0x1800, r.end());
        assertTrue(r.reason().contains("shared page of ~0 entries at machine 0x1ff000"), r.reason());
        P2mLookup l = map.lookup(0x1000);
        assertEquals(P2mKind.UNREACHABLE, l.kind());
        assertEquals(r.reason(), l.explanation());
        assertEquals(P2mKind.UNREACHABLE, map.lookup(0x1800).kind());
        assertTrue(map.lookup(0x1800).explanation().contains("max_pfn 0x1800"));
        P2mCoverage c = map.coverage();
        assertFalse(c.complete());
        assertEquals("523 pfns backed and 501 invalid below max_pfn 0x1800 (given); 5120 pfns cannot be reached, first pfns 0x400-0x17ff: "
                + r.reason(), c.describe());
        assertTrue(tree(1024).enumerate(Progress.NONE).coverage().complete());
    }

    @Test
    void theTreesOwnExtentEndsAtItsLastFilledLeaf() {
        assertEquals(1024, tree(1).filledExtent());
        MachineImage empty = MachineImage.parse(Space.MACHINE, """
                0x100000..0x101000: fill 0x102
                0x102000..0x103000: fill 0x1ff
                0x1ff000..0x200000: fill 0xffffffffffffffff
                """);
        assertEquals(0, new TreeP2m(empty, 0x100, new MaxPfn(1, "given"), ByteOrder.LITTLE_ENDIAN, "test").filledExtent());
    }

    @Test
    void maxPfnBeyondTheTreesReachIsReportedNotEnumerated() {
        P2mMap map = tree(1L << 40).enumerate(Progress.NONE);
        PfnRange last = map.unreachable().getLast();
        assertEquals(TreeP2m.REACH, last.start());
        assertEquals(1L << 40, last.end());
        assertEquals(P2mKind.UNREACHABLE, tree(1L << 40).lookup(TreeP2m.REACH).kind());
    }

    @Test
    void progressIsReportedAndCancellationStopsTheEnumeration() {
        long[] last = new long[2];
        tree(1024).enumerate(new Progress() {
            @Override
            public void update(String what, long done, long total) {
                last[0] = done;
                last[1] = total;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals(last[1], last[0]);
        assertTrue(last[1] > 0);
        Progress cancel = new Progress() {
            @Override
            public void update(String what, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(Progress.CancelledException.class, () -> tree(1024).enumerate(cancel));
    }
}
