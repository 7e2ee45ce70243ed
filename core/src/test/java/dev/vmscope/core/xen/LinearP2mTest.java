package dev.vmscope.core.xen;

import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linear p2m: an array at {@code p2m_vaddr} in the address space of {@code p2m_cr3}, whose pages are
 * found by walking the guest's page tables in machine memory. Pages Linux did not fill map one shared
 * page of ~0 entries.
 */
class LinearP2mTest {
    static final long VADDR = 0xffffc90000000000L;
    static final long CR3 = 0x300000;

    /** Leaf pages at machine 0x400000 (pfns 0-511) and 0x401000 (512-1023); the shared ~0 page at 0x4ff000 for 1024-2047. */
    static MachineImage image() {
        MachineImage m = MachineImage.parse(Space.MACHINE, """
                0x400000..0x402000: fill 0xffffffffffffffff
                0x4ff000..0x500000: fill 0xffffffffffffffff
                0x400000: 0x7000 0x7001 0x7002 0x4000000000000003
                0x401000: 0x9000
                """);
        X86Tables t = new X86Tables(m, CR3, 0x301000);
        t.map(VADDR, 0x400000).map(VADDR + 0x1000, 0x401000).map(VADDR + 0x2000, 0x4ff000).map(VADDR + 0x3000, 0x4ff000);
        return m;
    }

    static LinearP2m linear(long maxPfn) {
        return new LinearP2m(image(), CR3, VADDR, new MaxPfn(maxPfn, "given"), PagingModes.x86_64(false, X86_64Entry.standard()),
                ByteOrder.LITTLE_ENDIAN, "test");
    }

    @Test
    void aLookupWalksTheGuestsPageTablesToTheEntry() {
        P2mLookup l = linear(1024).lookup(2);
        assertEquals(0x7002, l.mfn().orElseThrow());
        assertEquals(List.of("PML4", "PDPT", "PD", "PT"), l.walk().orElseThrow().steps().stream().map(WalkStep::level).toList());
        assertEquals(0x400010L, l.walk().orElseThrow().mapping().orElseThrow().address(), "the walk ends at the entry");
        assertEquals(P2mKind.IDENTITY, linear(1024).lookup(3).kind());
        assertEquals(3, linear(1024).lookup(3).mfn().orElseThrow());
        assertEquals(0x9000, linear(1024).lookup(512).mfn().orElseThrow());
        assertEquals(P2mKind.INVALID, linear(1024).lookup(4).kind());
    }

    @Test
    void enumerationStopsAtMaxPfnAndNamesTheUnfilledPages() {
        P2mMap map = linear(0x700).enumerate(Progress.NONE);
        assertEquals("linear", map.layout());
        assertEquals(List.of(new P2mRun(0, 0x7000, 3, P2mKind.MAPPED), new P2mRun(3, 3, 1, P2mKind.IDENTITY),
                new P2mRun(512, 0x9000, 1, P2mKind.MAPPED)), map.runs());
        PfnRange unreachable = map.unreachable().getFirst();
        assertEquals(1024, unreachable.start());
        assertEquals(0x700, unreachable.end());
        assertTrue(unreachable.reason().contains("shared page of ~0 entries at machine 0x4ff000"), unreachable.reason());
    }

    @Test
    void pagesOfTheListThatAreNotMappedAreUnreachable() {
        P2mMap map = linear(0x1000).enumerate(Progress.NONE);
        PfnRange last = map.unreachable().getLast();
        assertEquals(2048, last.start());
        assertTrue(last.reason().contains("PT entry not present"), last.reason());
        assertEquals(P2mKind.UNREACHABLE, linear(0x1000).lookup(0xfff).kind());
    }

    @Test
    void aFrameListListOfAllOnesMeansTheLinearListOfDom0sSharedInfo() {
        MachineImage m = image();
        // shared_info page at 0x500000; arch_shared_info after 32 vcpu_info (64 bytes), two 64-word arrays and 4 words of 32 bits
        m.add("0x500c10: 0x700 0xffffffffffffffff 0 0x300000 0xffffc90000000000 2");
        ArchSharedInfo arch = ArchSharedInfo.read(m, 0x500000, ByteOrder.LITTLE_ENDIAN);
        assertEquals(new ArchSharedInfo(dev.vmscope.core.io.Address.machine(0x500000), 0x700, -1L, 0, CR3, VADDR, 2), arch);
        assertTrue(arch.linearOnly() && arch.plausible());
        XenFacts facts = XenFacts.of(List.of(new dev.vmscope.core.notes.ElfNote("Xen", 0x1000001,
                ElfWriter.words(4, 17, 0, 0, 0, 0, 0, 0, 0x1000000, -1L), 0)), m, dev.vmscope.core.Architecture.X86_64, "t").orElseThrow();
        Finding<P2m> chosen = Dom0P2mChooser.choose(m, facts, Finding.found(arch, "built"), ByteOrder.LITTLE_ENDIAN, "t");
        LinearP2m p = (LinearP2m) chosen.value().orElseThrow();
        assertEquals(0x700, p.maxPfn().value());
        assertEquals(0x7002, p.lookup(2).mfn().orElseThrow());
        Finding<P2m> without = Dom0P2mChooser.choose(m, facts, Finding.missing("not found"), ByteOrder.LITTLE_ENDIAN, "t");
        assertTrue(without.value().isEmpty());
        assertEquals("the crash note's frame-list-list is ~0 (a linear p2m) and dom0's shared-info page was not found: not found",
                without.explanation());
    }

    @Test
    void theListMustBePageAligned() {
        assertThrows(IllegalArgumentException.class, () -> new LinearP2m(image(), CR3, VADDR + 8, new MaxPfn(1, "given"),
                PagingModes.x86_64(false, X86_64Entry.standard()), ByteOrder.LITTLE_ENDIAN, "test"));
    }
}
