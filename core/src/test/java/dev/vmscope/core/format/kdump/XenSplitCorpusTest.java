package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.kdump.MakedumpfileSplit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Xen host dump split by makedumpfile itself ({@code --split -c -d 1} into three files): opened
 * together, in any order, the set has the map and the bytes of makedumpfile's own {@code --reassemble}
 * of it.
 */
class XenSplitCorpusTest {

    private static List<Path> parts() {
        return MakedumpfileSplit.split(Corpus.dump("xen", "x1-xen-kdump.vmcore"), "x1.makedumpfile-c-d1", 3, "-c", "-d", "1");
    }

    @Test
    void theSetReadsAsMakedumpfilesReassembly() {
        List<Path> parts = parts();
        Path whole = MakedumpfileSplit.reassemble(parts, "x1.makedumpfile-c-d1.reassembled");
        try (Dump set = DumpFormats.open(List.of(parts.get(2), parts.get(1), parts.get(0)), false, Progress.NONE);
             Dump one = DumpFormats.open(whole)) {
            assertEquals(one.memory().ranges(), set.memory().ranges());
            byte[] a = new byte[4096];
            byte[] b = new byte[4096];
            long pages = 0;
            for (MemoryRange r : one.memory().ranges()) {
                if (r.kind() != RangeKind.RAM) {
                    continue;
                }
                for (long pa = r.start(); pa < r.end(); pa += 4096) {
                    set.memory().read(pa, a, 0, 4096);
                    one.memory().read(pa, b, 0, 4096);
                    if (!Arrays.equals(a, b)) {
                        throw new AssertionError("page " + Hex.of(pa) + " differs from the reassembled dump");
                    }
                    pages++;
                }
            }
            assertTrue(pages > 100_000, "pages compared: " + pages);
            assertEquals(one.cpus(), set.cpus());
        }
    }

    @Test
    void withoutThePartThatHoldsThePagesTheSetIsIncomplete() {
        List<Path> parts = parts();
        try (Dump first = DumpFormats.open(parts.getFirst())) {
            String range = first.header().stream().filter(f -> f.name().equals("split part")).findFirst().orElseThrow().value();
            String pfns = range.substring("holds pfns ".length(), range.indexOf(' ', "holds pfns ".length()));
            DumpFormatException e = assertThrows(DumpFormatException.class,
                    () -> DumpFormats.open(parts.subList(1, 3), false, Progress.NONE));
            assertEquals("split set: pfns " + pfns, e.structure());
        }
    }
}
