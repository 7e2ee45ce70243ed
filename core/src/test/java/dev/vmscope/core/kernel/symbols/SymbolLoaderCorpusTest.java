package dev.vmscope.core.kernel.symbols;

import dev.vmscope.core.Progress;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.KallsymsFile;
import dev.vmscope.core.testing.TruthFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The x86-64 guest's saved /proc/kallsyms against the addresses the guest recorded ({@code addrs.tsv})
 * and its VMCOREINFO ({@code SYMBOL(_stext)=ffffffff8f000000}, {@code KERNELOFFSET=e000000}).
 */
class SymbolLoaderCorpusTest {
    private static final SymbolLoader.Facts FACTS = new SymbolLoader.Facts(OptionalLong.of(0xffffffff8f000000L), 0xe000000L);
    private static SymbolTable kallsyms;

    @BeforeAll
    static void load() {
        kallsyms = SymbolLoader.load(KallsymsFile.get(), FACTS, Progress.NONE);
    }

    private static long truth(String label) {
        return TruthFiles.rows(Corpus.file(KallsymsFile.SET, "addrs.tsv")).stream()
                .filter(r -> r[0].equals(label)).map(r -> Long.parseUnsignedLong(r[2].substring(2), 16))
                .findFirst().orElseThrow();
    }

    @Test
    void kallsymsIsTakenAsRuntimeAddresses() {
        assertEquals(0, kallsyms.relocation().displacement());
        assertTrue(kallsyms.relocation().how().startsWith("runtime addresses"), kallsyms.relocation().how());
        assertTrue(kallsyms.size() > 85_000, "distinct names: " + kallsyms.size());
    }

    @Test
    void linuxBannerAndStextResolveToTheGuestsAddresses() {
        assertEquals(truth("linux_banner"), kallsyms.address("linux_banner").orElseThrow());
        assertEquals(truth("init_top_pgt"), AddressExpression.parse("init_top_pgt", Optional.of(kallsyms)));
        assertEquals(truth("_stext") + 0x10, AddressExpression.parse("_stext+0x10", Optional.of(kallsyms)));
        assertEquals(truth("linux_banner") - 16, AddressExpression.parse("linux_banner-16", Optional.of(kallsyms)));
    }

    @Test
    void addressesAreNamedBySymbolPlusOffset() {
        assertEquals("linux_banner+0x10", kallsyms.describe(truth("linux_banner") + 0x10).orElseThrow().toString());
        assertEquals("native_load_gdt", kallsyms.describe(truth("native_load_gdt")).orElseThrow().toString());
        // startup_64, _stext and _text share an address: the first global in the file names it, as %pS does
        assertEquals("startup_64", kallsyms.describe(truth("_stext")).orElseThrow().toString());
    }

    @Test
    void aSystemMapWithLinkTimeAddressesIsMovedByTheKaslrOffset(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path map = dir.resolve("System.map");
        List<String> linkTime = Files.readAllLines(KallsymsFile.get()).stream().filter(l -> !l.contains("["))
                .map(l -> {
                    String[] f = l.split(" ", 3);
                    long a = Long.parseUnsignedLong(f[0], 16);
                    return String.format("%016x %s %s", f[1].equalsIgnoreCase("A") ? a : a - 0xe000000L, f[1], f[2]);
                }).toList();
        Files.write(map, linkTime);
        SymbolTable t = SymbolLoader.load(map, FACTS, Progress.NONE);
        assertEquals(0xe000000L, t.relocation().displacement());
        assertTrue(t.relocation().how().contains("the KASLR offset"), t.relocation().how());
        assertEquals(truth("linux_banner"), t.address("linux_banner").orElseThrow());
    }

    @Test
    void completionListsNamesWithThePrefixInOrder() {
        List<String> c = kallsyms.complete("linux_ban", 10);
        assertEquals("linux_banner", c.getFirst());
        assertTrue(c.stream().allMatch(n -> n.startsWith("linux_ban")));
        assertEquals(3, kallsyms.complete("_s", 3).size());
    }
}
