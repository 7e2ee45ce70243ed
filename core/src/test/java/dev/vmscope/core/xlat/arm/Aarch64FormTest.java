package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.PagingModes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AArch64 walk's shape (Arm ARM D8.2): each level resolves (granule bits - 3) bits of the VA, the last
 * level L3 indexing bits just above the page offset; the walk starts at the level that covers the VA width
 * (TnSZ), which is L-1 only for a 52-bit VA with the 4 KiB granule (FEAT_LPA2), whose L-1 table has 16 entries.
 */
class Aarch64FormTest {

    @ParameterizedTest(name = "{0} KiB granule, {1}-bit VA")
    @CsvSource(delimiter = '|', value = {
            " 4 | 39 | L1:38-30 L2:29-21 L3:20-12",
            " 4 | 42 | L0:41-39 L1:38-30 L2:29-21 L3:20-12",
            " 4 | 48 | L0:47-39 L1:38-30 L2:29-21 L3:20-12",
            " 4 | 52 | L-1:51-48 L0:47-39 L1:38-30 L2:29-21 L3:20-12",
            "16 | 36 | L2:35-25 L3:24-14",
            "16 | 47 | L1:46-36 L2:35-25 L3:24-14",
            "16 | 48 | L0:47-47 L1:46-36 L2:35-25 L3:24-14",
            "16 | 52 | L0:51-47 L1:46-36 L2:35-25 L3:24-14",
            "64 | 42 | L2:41-29 L3:28-16",
            "64 | 48 | L1:47-42 L2:41-29 L3:28-16",
            "64 | 52 | L1:51-42 L2:41-29 L3:28-16"})
    void levelsAndTheirIndexBits(int granuleKib, int vaBits, String expected) {
        int pageShift = Integer.numberOfTrailingZeros(granuleKib << 10);
        PagingForm form = PagingModes.aarch64(pageShift, vaBits, 48).form();
        String levels = form.levels().stream()
                .map(l -> l.name() + ":" + l.highBit() + "-" + l.shift())
                .collect(Collectors.joining(" "));
        assertEquals(expected, levels);
        assertEquals(vaBits, form.vaBits());
        assertEquals("aarch64-" + granuleKib + "k-" + vaBits, form.id());
    }
}
