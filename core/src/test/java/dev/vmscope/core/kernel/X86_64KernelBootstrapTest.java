package dev.vmscope.core.kernel;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.TestDumps;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's page-table root from VMCOREINFO, and the {@code --root} and {@code --cpu} overrides, over
 * {@code x86_64-kaslr.spec}: a KASLR kernel with a negative {@code phys_base}.
 */
class X86_64KernelBootstrapTest {
    private static final String SPEC = "/dev/vmscope/core/kernel/x86_64-kaslr.spec";
    /** Linux arch/x86: __START_KERNEL_map. */
    private static final long START_KERNEL_MAP = 0xffffffff80000000L;
    private static final long INIT_TOP_PGT = 0xffffffff9d60a000L;
    private static final long STEXT = 0xffffffff9d000000L;
    private static final long PHYS_BASE = -402653184L;

    @Test
    void rootIsInitTopPgtLessTheKernelMapPlusPhysBase() {
        // Linux __pa_symbol(x) = x - __START_KERNEL_map + phys_base (arch/x86/include/asm/page_64.h);
        // KERNELOFFSET is already inside the SYMBOL() values.
        try (Session s = TestDumps.session(SPEC)) {
            KernelFacts k = s.kernel().orElseThrow();
            assertEquals(INIT_TOP_PGT - START_KERNEL_MAP + PHYS_BASE, k.pageTableRoot());
            assertEquals(0x560a000L, k.pageTableRoot());
            assertEquals(-0x18000000L, k.physBase());
            assertEquals(0x1c000000L, k.kaslrOffset());
            assertEquals("6.1.0-kaslr-test", k.release().orElseThrow());
            assertTrue(k.rootOrigin().contains("init_top_pgt"), k.rootOrigin());
        }
    }

    @Test
    void kernelImageTranslatesAsPaSymbolSays() {
        try (Session s = TestDumps.session(SPEC)) {
            Translation text = s.translate(STEXT + 0x1234);
            assertEquals(STEXT + 0x1234 - START_KERNEL_MAP + PHYS_BASE, text.mapping().orElseThrow().address());
            assertEquals(2L << 20, text.mapping().orElseThrow().pageSize());
            assertArrayEquals("_stext of the test kernel".getBytes(), s.read(Space.KERNEL_VIRTUAL, STEXT, 25));
            // the root's own virtual address maps to the root
            assertEquals(s.kernel().orElseThrow().pageTableRoot(),
                    s.translate(INIT_TOP_PGT).mapping().orElseThrow().address());
            // the kernel's tables do not map user space
            assertEquals("PML4", s.translate(0x1234).fault().orElseThrow().level());
        }
    }

    @Test
    void rootOptionReplacesTheKernelsRoot() {
        try (Session s = TestDumps.session(SPEC, OpenOptions.DEFAULT.withRoot(0x6000000))) {
            assertEquals(0x6000000L, s.kernel().orElseThrow().pageTableRoot());
            assertEquals("--root 0x6000000", s.kernel().orElseThrow().rootOrigin());
            Translation user = s.translate(0x1234);
            assertEquals(0x6201234L, user.mapping().orElseThrow().address());
            assertTrue(user.mapping().orElseThrow().permissions().user());
            // the kernel half is shared with init_top_pgt
            assertEquals(0x5001234L, s.translate(STEXT + 0x1234).mapping().orElseThrow().address());
        }
    }

    @Test
    void cpuOptionUsesThatCpusCr3WithoutItsPcid() {
        try (Session s = TestDumps.session(SPEC, OpenOptions.DEFAULT.withCpu(1))) {
            assertEquals(0x6000005L, s.cpuPageTableRoot(1).orElseThrow());
            assertEquals(0x6000000L, s.kernel().orElseThrow().pageTableRoot());
            assertEquals(0x6201234L, s.translate(0x1234).mapping().orElseThrow().address());
        }
        try (Session s = TestDumps.session(SPEC, OpenOptions.DEFAULT.withCpu(0))) {
            assertEquals(0x560a000L, s.kernel().orElseThrow().pageTableRoot());
            assertEquals(FaultKind.NOT_PRESENT, s.translate(0x1234).fault().orElseThrow().kind());
        }
    }

    @Test
    void cpuWithoutCr3IsReported() {
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class,
                () -> TestDumps.session(SPEC, OpenOptions.DEFAULT.withCpu(7)));
        assertTrue(e.getMessage().contains("CPU 7") && e.getMessage().contains("x86_64-kaslr.spec"), e.getMessage());
    }
}
