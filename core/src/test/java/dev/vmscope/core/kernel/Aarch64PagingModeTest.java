package dev.vmscope.core.kernel;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.DumpSpec;
import dev.vmscope.core.testing.DumpSpecParser;
import dev.vmscope.core.testing.TestDumps;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.xlat.PagingMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AArch64 kernel's descriptor format from VMCOREINFO. A 52-bit physical address space changes the
 * descriptor layout only with the 64 KiB granule (FEAT_LPA); with 4 and 16 KiB it needs TCR.DS = 1, which
 * Linux sets only when it runs with 52-bit VAs — a kernel whose MAX_PHYSMEM_BITS is 52 but which runs with
 * 48-bit VAs keeps SH in bits 9:8.
 */
class Aarch64PagingModeTest {

    private static PagingMode mode(String vmcoreinfo) {
        DumpFacts dump = new DumpFacts(Architecture.AARCH64, SparseMemory.physical(), List.of(),
                Optional.of(VmcoreInfo.parse(vmcoreinfo, "test")));
        return new Aarch64Kernel().pagingMode(dump);
    }

    private static long pageTarget(PagingMode mode, long descriptor) {
        return mode.entries().decode(descriptor, mode.form().depth() - 1, mode.form()).target();
    }

    @Test
    void fourKibKernelWith48BitVaKeepsShareabilityInBits9To8() {
        PagingMode m = mode("PAGESIZE=4096\nNUMBER(TCR_EL1_T1SZ)=16\nNUMBER(MAX_PHYSMEM_BITS)=52\n");
        assertEquals("aarch64-4k-48", m.id());
        // SH = inner shareable (bits 9:8 = 11) is not address bits 51:50
        assertEquals(0x1234_5000L, pageTarget(m, 0x0000_0000_1234_5703L));
    }

    @Test
    void fourKibKernelWith52BitVaUsesLpa2() {
        PagingMode m = mode("PAGESIZE=4096\nNUMBER(TCR_EL1_T1SZ)=12\nNUMBER(MAX_PHYSMEM_BITS)=52\n");
        assertEquals("aarch64-4k-52", m.id());
        assertEquals(0x000c_0000_1234_5000L, pageTarget(m, 0x0000_0000_1234_5703L));
    }

    @Test
    void sixtyFourKibKernelWith52BitPhysicalAddressesUsesLpa() {
        PagingMode m = mode("PAGESIZE=65536\nNUMBER(TCR_EL1_T1SZ)=16\nNUMBER(MAX_PHYSMEM_BITS)=52\n");
        assertEquals("aarch64-64k-48", m.id());
        assertEquals(0x0005_0000_1234_0000L, pageTarget(m, 0x0000_0000_1234_5703L));
    }

    @Test
    void aGranuleNoAarch64HasIsRefusedNamingTheValue() {
        ImpossibleKernelException e = assertThrows(ImpossibleKernelException.class, () -> mode("PAGESIZE=64\nNUMBER(VA_BITS)=48\n"));
        assertEquals("VMCOREINFO PAGESIZE=64 is not an AArch64 granule (4096, 16384 or 65536)", e.getMessage());
        assertThrows(ImpossibleKernelException.class, () -> mode("PAGESIZE=12288\n"), "not a power of two");
    }

    @Test
    void anAddressWidthOutsideTheGranulesRangeIsRefused() {
        ImpossibleKernelException e = assertThrows(ImpossibleKernelException.class, () -> mode("PAGESIZE=4096\nNUMBER(VA_BITS)=11\n"));
        assertEquals("VMCOREINFO gives 11 virtual-address bits; with the 4 KiB granule AArch64 translates 21 to 52", e.getMessage());
        assertThrows(ImpossibleKernelException.class, () -> mode("PAGESIZE=65536\nNUMBER(VA_BITS)=53\n"));
        assertThrows(ImpossibleKernelException.class, () -> mode("PAGESIZE=16384\nNUMBER(TCR_EL1_T1SZ)=1\n"), "63 bits");
        assertEquals("aarch64-16k-36", mode("PAGESIZE=16384\nNUMBER(VA_BITS)=36\n").id());
    }

    @Test
    void aDumpWhoseVmcoreinfoStatesAnImpossibleGranuleOpensWithoutAKernelAndSaysWhy() {
        DumpSpec spec = DumpSpecParser.parse("""
                @elf class=64 machine=aarch64 align=4096
                @load paddr=0x40000000 memsz=0x2000 filesz=0x2000
                @vmcoreinfo
                OSRELEASE=6.1.0-test
                PAGESIZE=64
                SYMBOL(swapper_pg_dir)=ffff800009000000
                NUMBER(kimage_voffset)=ffff7fffc8000000
                """, "impossible-granule");
        try (Session s = TestDumps.session(spec, "impossible-granule", OpenOptions.DEFAULT)) {
            assertTrue(s.kernel().isEmpty());
            assertEquals("no kernel page tables: VMCOREINFO PAGESIZE=64 is not an AArch64 granule (4096, 16384 or 65536)",
                    s.kernelProblem().orElseThrow());
            assertEquals(2, s.read(Space.PHYSICAL, 0x40000000L, 2).length, "its memory still reads");
        }
    }
}
