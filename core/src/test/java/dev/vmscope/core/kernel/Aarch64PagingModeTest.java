package dev.vmscope.core.kernel;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.testing.tables.SparseMemory;
import dev.vmscope.core.xlat.PagingMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
