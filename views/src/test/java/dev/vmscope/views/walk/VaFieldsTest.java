package dev.vmscope.views.walk;

import dev.vmscope.core.xlat.PagingModes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fields of an x86-64 linear address (Intel SDM vol. 3, figures 4-8 to 4-11): bits 47:39 index
 * the PML4, 38:30 the PDPT, 29:21 the PD, 20:12 the PT, 11:0 are the offset in a 4 KiB page; a PD
 * entry mapping a 2 MiB page makes bits 20:0 the offset.
 */
class VaFieldsTest {

    @Test
    void fourKibPageHasFourIndexesAndATwelveBitOffset() {
        // 0xffffd23140001234: 47:39 = 0b110100100 (420), 38:30 = 197, 29:21 = 0, 20:12 = 1, 11:0 = 0x234
        List<VaField> f = VaFields.of(0xffffd23140001234L, PagingModes.X86_64_4LEVEL, 3);
        assertEquals(List.of("sign extension", "PML4", "PDPT", "PD", "PT", "page offset"), f.stream().map(VaField::name).toList());
        assertEquals(List.of(0xffffL, 420L, 197L, 0L, 1L, 0x234L), f.stream().map(VaField::value).toList());
        assertEquals(List.of(63, 47, 38, 29, 20, 11), f.stream().map(VaField::high).toList());
        assertEquals(List.of(48, 39, 30, 21, 12, 0), f.stream().map(VaField::low).toList());
        assertEquals(List.of("sign", "lvl-3", "lvl-2", "lvl-1", "lvl-0", "offset"), f.stream().map(VaField::styleClass).toList());
        assertEquals("110100100", f.get(1).binary());
    }

    @Test
    void twoMibPageTurnsThePtIndexIntoOffset() {
        List<VaField> f = VaFields.of(0xffffffff8f012345L, PagingModes.X86_64_4LEVEL, 2);
        assertEquals(List.of("sign extension", "PML4", "PDPT", "PD", "page offset"), f.stream().map(VaField::name).toList());
        VaField offset = f.getLast();
        assertEquals(21, offset.width());
        assertEquals(0x12345L, offset.value());
        assertEquals(List.of(511L, 510L, 120L), f.subList(1, 4).stream().map(VaField::value).toList());
    }

    @Test
    void fiveLevelFormLeavesSevenSignBits() {
        List<VaField> f = VaFields.of(0xff11000000000000L, PagingModes.X86_64_5LEVEL, -1);
        assertEquals("sign extension", f.getFirst().name());
        assertEquals(7, f.getFirst().width());
        assertEquals("PML5", f.get(1).name());
        assertEquals(0x111L, f.get(1).value()); // bits 56:48 of 0xff11...: 1_0001_0001
        assertEquals("lvl-4", f.get(1).styleClass());
    }
}
