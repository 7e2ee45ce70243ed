package dev.vmscope.core.xen;

import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dom0 of {@link BuiltXenHost} as a PV domain: machine walks annotated with pseudo-physical addresses,
 * the same tables walked as the guest sees them (entries converted through the m2p), and its
 * pseudo-physical memory map.
 */
class PvDomainTest {
    static final PagingMode MODE = PagingModes.x86_64(false, X86_64Entry.standard());
    /** A kernel page whose PT entry names Xen's string page, a frame that is not dom0's. */
    static final long FOREIGN_VA = BuiltXenHost.KERNEL + 0xa000;

    static PvDomain dom0() {
        MachineImage m = BuiltXenHost.memory(true);
        m.putLong(0x205000 + 10 * 8, 0x3f0000 | X86Tables.LEAF);
        TreeP2m p2m = new TreeP2m(m, 0x100, new MaxPfn(512, "given"), ByteOrder.LITTLE_ENDIAN, "test");
        return new PvDomain(p2m, p2m.enumerate(Progress.NONE), m, ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void machineWalksCarryThePseudoPhysicalAddressWhereDom0HasTheFrame() {
        PvDomain d = dom0();
        PageTableWalker machine = new PageTableWalker(d.machine(), MODE, ByteOrder.LITTLE_ENDIAN);
        Translation text = d.translate(machine, BuiltXenHost.ROOT_MACHINE, BuiltXenHost.TEXT_VA + 0x123);
        assertEquals(Optional.of(Address.physical(0x9123)), text.pseudoPhysical());
        Translation foreign = d.translate(machine, BuiltXenHost.ROOT_MACHINE, FOREIGN_VA);
        assertEquals(0x3f0000L, foreign.mapping().orElseThrow().address());
        assertTrue(foreign.pseudoPhysical().isEmpty(), "Xen's page has no pfn in dom0");
        assertTrue(foreign.steps().stream().allMatch(s -> s.tablePseudoPhysical().isPresent()));
    }

    @Test
    void theGuestsOwnViewWalksInPseudoPhysicalMemory() {
        PvDomain d = dom0();
        PageTableWalker guest = d.pseudoPhysicalWalker(MODE);
        Translation t = guest.walk(0x2000, BuiltXenHost.TEXT_VA);
        assertEquals(0x9000L, t.mapping().orElseThrow().address());
        assertEquals(List.of(0x2000L, 0x3000L, 0x4000L, 0x5000L), t.steps().stream().map(s -> s.table()).toList());
        Translation foreign = guest.walk(0x2000, FOREIGN_VA);
        assertFalse(foreign.mapped());
        assertTrue(foreign.steps().getLast().decoded().flags().contains("foreign-frame"));
    }

    @Test
    void pseudoPhysicalMemoryHasDom0sFramesAndHolesForInvalidPfns() {
        PvDomain d = dom0();
        assertEquals(List.of(new MemoryRange(0, 0x10000, RangeKind.RAM), new MemoryRange(0x10000, 0x200000, RangeKind.HOLE)),
                d.pseudoPhysical().ranges());
        assertEquals(Optional.of(Address.machine(0x300010)), d.machineOf(0x9010));
        assertEquals(Optional.of(Address.physical(0x9010)), d.pseudoPhysicalOf(0x300010));
        assertTrue(d.machineOf(0x10000).isEmpty());
        assertTrue(d.pseudoPhysical().isReadable(0x8ff0, 0x20));
        assertFalse(d.pseudoPhysical().isReadable(0xfff0, 0x20));
    }
}
