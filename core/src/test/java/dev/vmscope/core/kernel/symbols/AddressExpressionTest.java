package dev.vmscope.core.kernel.symbols;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressExpressionTest {
    private static final Optional<SymbolTable> SYMBOLS = Optional.of(SymbolLoader.relocate("test", List.of(
            new KernelSymbol("_stext", 0xffffffff81000000L, 'T'),
            new KernelSymbol("add", 0xffffffff81000100L, 't'),
            new KernelSymbol("jiffies", 0xffffffff82000000L, 'D')), new SymbolLoader.Facts(OptionalLong.empty(), 0)));

    @Test
    void hexWithOrWithoutPrefix() {
        assertEquals(0xffffffff81000000L, AddressExpression.parse("ffffffff81000000", Optional.empty()));
        assertEquals(0x1000L, AddressExpression.parse(" 0x1000 ", Optional.empty()));
    }

    @Test
    void symbolsWithDecimalAndHexOffsets() {
        assertEquals(0xffffffff82000010L, AddressExpression.parse("jiffies+0x10", SYMBOLS));
        assertEquals(0xffffffff82000000L - 16, AddressExpression.parse("jiffies - 16", SYMBOLS));
        assertEquals(0xffffffff81000000L + 8 - 2, AddressExpression.parse("_stext+8-2", SYMBOLS));
    }

    @Test
    void aSymbolNameWinsOverTheSameHexDigits() {
        assertEquals(0xffffffff81000100L, AddressExpression.parse("add", SYMBOLS));
        assertEquals(0xaddL, AddressExpression.parse("add", Optional.empty()));
    }

    @Test
    void mistakesSayWhatIsWrong() {
        assertEquals("not a hexadecimal address: 'kernel' (load a symbol table to use names)",
                assertThrows(AddressExpression.BadAddressException.class, () -> AddressExpression.parse("kernel", Optional.empty())).getMessage());
        assertEquals("neither a symbol nor a hexadecimal address: 'kernel'",
                assertThrows(AddressExpression.BadAddressException.class, () -> AddressExpression.parse("kernel", SYMBOLS)).getMessage());
        assertEquals("not a number: 'x' (offsets are decimal, or hexadecimal with 0x)",
                assertThrows(AddressExpression.BadAddressException.class, () -> AddressExpression.parse("jiffies+x", SYMBOLS)).getMessage());
        assertThrows(AddressExpression.BadAddressException.class, () -> AddressExpression.parse("", SYMBOLS));
        assertThrows(AddressExpression.BadAddressException.class, () -> AddressExpression.parse("jiffies+", SYMBOLS));
    }

    @Test
    void theNameBeingTypedIsTheFirstTermAlone() {
        assertEquals("linux_ba", AddressExpression.namePrefix("linux_ba"));
        assertEquals("", AddressExpression.namePrefix("linux_banner+0x"));
    }
}
