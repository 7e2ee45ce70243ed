package dev.vmscope.core.notes;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.testing.DumpSpec;
import dev.vmscope.core.testing.TestDumps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A VMCOREINFO note as the kernel writes it (kernel/vmcore_info.c): {@code SYMBOL()} and
 * {@code KERNELOFFSET} in hex without {@code 0x}, {@code NUMBER()} in signed decimal.
 */
class VmcoreInfoNoteTest {

    @Test
    void valuesAreReadInTheKernelsNotation() {
        DumpSpec spec = DumpSpec.builder().load(0, 0x1000)
                .vmcoreinfo("OSRELEASE=6.1.0-56-amd64", "PAGESIZE=4096", "SYMBOL(init_top_pgt)=ffffffff90a10000",
                        "NUMBER(phys_base)=-132120576", "NUMBER(pgtable_l5_enabled)=0", "SIZE(page)=64",
                        "OFFSET(page.flags)=0", "LENGTH(mem_section)=4096", "KERNELOFFSET=e000000",
                        "CONFIG_X86_5LEVEL=y", "OSRELEASE=a second value is ignored")
                .build();
        try (Dump d = TestDumps.open(spec, "vmcoreinfo.vmcore")) {
            VmcoreInfo v = d.vmcoreinfo().orElseThrow();
            assertEquals("6.1.0-56-amd64", v.osRelease().orElseThrow());
            assertEquals(4096, v.pageSize().orElseThrow());
            assertEquals(0xffffffff90a10000L, v.symbol("init_top_pgt").orElseThrow());
            assertEquals(-0x7e00000L, v.number("phys_base").orElseThrow());
            assertEquals(0, v.number("pgtable_l5_enabled").orElseThrow());
            assertEquals(64, v.size("page").orElseThrow());
            assertEquals(0, v.offset("page.flags").orElseThrow());
            assertEquals(4096, v.length("mem_section").orElseThrow());
            assertEquals(0xe000000L, v.kernelOffset().orElseThrow());
            assertTrue(v.config("X86_5LEVEL"));
            assertTrue(v.origin().contains("VMCOREINFO"), v.origin());
        }
    }
}
