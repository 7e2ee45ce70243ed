package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.MappingRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The physical index behind {@code ptov} and vtop's aliases, and the progress bar's drawing, without a dump. */
class AliasesTest {
    private static MappingRange range(long start, long size, long physical) {
        return new MappingRange(start, start + size, physical, 4096, 3, List.of("rw"));
    }

    @Test
    void indexFindsEveryRangeThatMapsTheAddressEvenBehindALongOne() {
        PhysicalIndex index = new PhysicalIndex(List.of(
                range(0xffff888000000000L, 0x4000_0000, 0),              // a 1 GiB direct map from 0
                range(0xffffffff81000000L, 0x20_0000, 0x100_0000),       // kernel text at 16 MiB
                range(0xffffc90000000000L, 0x1000, 0x100_1000),          // one vmalloc page inside it
                range(0xffffc90000002000L, 0x1000, 0x5000_0000)));       // a page above the direct map
        assertEquals(List.of(0xffff888001001010L, 0xffffc90000000010L, 0xffffffff81001010L), index.virtualOf(0x100_1010));
        assertEquals(List.of(0xffff888000000000L), index.virtualOf(0));
        assertEquals(List.of(0xffffc90000002fffL), index.virtualOf(0x5000_0fff));
        assertEquals(List.of(), index.virtualOf(0x5000_1000));
        assertEquals(List.of(), index.virtualOf(-1));
    }

    @Test
    void aliasListIsBounded() {
        assertEquals("0x1, 0x2", TranslationText.aliasList(List.of(1L, 2L)));
        assertEquals("0x1, 0x2, 0x3, 0x4 and 2 more", TranslationText.aliasList(List.of(1L, 2L, 3L, 4L, 5L, 6L)));
    }

    @Test
    void barShowsTheShareDone() {
        assertEquals("[" + " ".repeat(30) + "] 0%", TerminalProgress.bar(0, 10));
        assertEquals("[" + "#".repeat(15) + " ".repeat(15) + "] 50%", TerminalProgress.bar(5, 10));
        assertEquals("[" + "#".repeat(30) + "] 100%", TerminalProgress.bar(12, 10));
    }
}
