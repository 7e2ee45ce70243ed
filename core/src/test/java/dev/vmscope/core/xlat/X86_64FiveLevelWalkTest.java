package dev.vmscope.core.xlat;

import dev.vmscope.core.Session;
import dev.vmscope.core.testing.TestDumps;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LA57 walks over {@code x86_64-5level.spec}; expected values from the Intel SDM vol. 3, 4.5. */
class X86_64FiveLevelWalkTest {
    private static Session session;

    @BeforeAll
    static void open() {
        session = TestDumps.session("/dev/vmscope/core/xlat/x86_64-5level.spec");
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void vmcoreinfoSelectsFiveLevelPaging() {
        assertEquals("x86_64-5level", session.kernel().orElseThrow().mode().id());
        assertEquals(0x1000, session.kernel().orElseThrow().pageTableRoot());
    }

    @Test
    void fourKibPageThroughFiveLevels() {
        // SDM 4.5.1: with LA57 the PML5 (VA bits 56:48) sits above the PML4 (47:39); then PDPT, PD, PT.
        Translation t = session.translate(0x1abc);
        assertEquals(List.of("PML5", "PML4", "PDPT", "PD", "PT"), t.steps().stream().map(WalkStep::level).toList());
        assertEquals(List.of(56, 47, 38, 29, 20), t.steps().stream().map(WalkStep::vaHighBit).toList());
        assertEquals(0x9abc, t.mapping().orElseThrow().address());
        assertEquals(4096, t.mapping().orElseThrow().pageSize());
    }

    @Test
    void directMapAddressNonCanonicalUnderFourLevelsIsWalked() {
        // 0xff11000012345678: bits 56:48 = 0x111 (PML5[273]); canonical with 57 bits, not with 48.
        Translation t = session.translate(0xff11000012345678L);
        assertEquals(0x12345678L, t.mapping().orElseThrow().address());
        assertEquals(1L << 30, t.mapping().orElseThrow().pageSize());
        assertEquals(273, t.steps().getFirst().index());
        PageTableWalker fourLevel = new PageTableWalker(session.memory(),
                PagingModes.x86_64(false, X86_64Entry.standard()), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FaultKind.INVALID_ADDRESS, fourLevel.walk(0x1000, 0xff11000012345678L).fault().orElseThrow().kind());
    }

    @Test
    void notPresentPml5EntryNamesPml5() {
        WalkResult.Fault f = session.translate(0x0001000000000000L).fault().orElseThrow();
        assertEquals(FaultKind.NOT_PRESENT, f.kind());
        assertEquals("PML5", f.level());
        assertEquals("PML5[1] = 0x0", f.detail());
    }

    @Test
    void bit47AloneIsCanonicalUnderLa57() {
        // 0x0000800000000000 is non-canonical with 48 bits but canonical with 57: PML5[0] -> PML4[256].
        WalkResult.Fault f = session.translate(0x0000800000000000L).fault().orElseThrow();
        assertEquals(FaultKind.NOT_PRESENT, f.kind());
        assertEquals("PML4", f.level());
        assertEquals("PML4[256] = 0x0", f.detail());
    }

    @Test
    void nonCanonicalUnderLa57() {
        // SDM 3.3.7.1: with LA57, bits 63:57 must equal bit 56.
        assertEquals(FaultKind.INVALID_ADDRESS, session.translate(0x0100000000000000L).fault().orElseThrow().kind());
    }
}
