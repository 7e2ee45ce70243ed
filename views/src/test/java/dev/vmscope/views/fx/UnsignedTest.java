package dev.vmscope.views.fx;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unsigned 64-bit addresses to doubles and back. */
class UnsignedTest {

    @Test
    void highAddressesAreLargePositiveNumbers() {
        assertEquals(0x1p64 - 0x1p47, Unsigned.toDouble(0xffff800000000000L));
        assertEquals(0xffff800000000000L, Unsigned.fromDouble(0x1p64 - 0x1p47));
        assertEquals(-1L, Unsigned.fromDouble(0x1p65));
        assertEquals(0, Unsigned.fromDouble(-5));
    }

    @Test
    void spanToTheTopOfTheSpaceCountsFromTwoToTheSixtyFour() {
        assertEquals(0x1p47, Unsigned.span(0xffff800000000000L, 0));
        assertEquals(0x40000, Unsigned.span(0xfffc0000L, 0x100000000L));
    }
}
