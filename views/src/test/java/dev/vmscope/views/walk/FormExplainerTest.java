package dev.vmscope.views.walk;

import dev.vmscope.core.xlat.PagingModes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The x86-64 4-level form in words (Intel SDM vol. 3, 4.5: 9-bit indexes, 2 MiB pages at the PD, 1 GiB at the PDPT). */
class FormExplainerTest {

    @Test
    void fourLevelPaging() {
        assertEquals("With x86_64-4level paging the CPU reads a 48-bit virtual address in fields. Bits 63–48 must repeat "
                + "bit 47. Bits 47–39, 38–30, 29–21 and 20–12 each pick one of 512 entries, in the PML4, PDPT, PD and PT "
                + "tables in turn; bits 11–0 are the offset in a 4 KiB page. Each entry holds the next table's "
                + "address, or maps a larger page itself (a huge page: 1 GiB at PDPT, 2 MiB at PD).",
                FormExplainer.explain(PagingModes.X86_64_4LEVEL));
    }
}
