package dev.vmscope.views.fx;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sizes in binary units (IEC 80000-13: KiB = 2^10, MiB = 2^20, ...). */
class SizesTest {

    @Test
    void pageSizesReadAsKernelPeopleSayThem() {
        assertEquals("4 KiB", Sizes.of(4096));
        assertEquals("2 MiB", Sizes.of(1L << 21));
        assertEquals("1 GiB", Sizes.of(1L << 30));
        assertEquals("192 MiB", Sizes.of(0xc000000L));
        assertEquals("3.81 GiB", Sizes.of(0xfffc0000L - 0xc000000L));
        assertEquals("1023 bytes", Sizes.of(1023));
        assertEquals("1 byte", Sizes.of(1));
    }

    @Test
    void theWholeSixtyFourBitSpaceIsSixteenExbibytes() {
        assertEquals("16 EiB", Sizes.of(BigInteger.ONE.shiftLeft(64)));
        assertEquals(BigInteger.ONE.shiftLeft(47), Sizes.span(0xffff800000000000L, 0));
        assertEquals("16 EiB", Sizes.of(-1L)); // 2^64 - 1 bytes, rounded to two places
    }
}
