package dev.vmscope.core.kernel.symbols;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.io.Storage;
import elf4j.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Loads a kernel symbol table from a System.map, a saved {@code /proc/kallsyms} or a {@code vmlinux} ELF,
 * and moves its addresses to the running kernel's.
 *
 * <p>System.map and vmlinux give link-time addresses; kallsyms gives runtime ones; the two text files
 * look alike. So the file's {@code _stext} (or {@code _text}) is compared with VMCOREINFO's
 * {@code SYMBOL(_stext)}, which is a runtime address: their difference is the displacement (0 for
 * kallsyms). Without VMCOREINFO's, the dump's KASLR offset ({@code KERNELOFFSET}) is applied.
 */
public final class SymbolLoader {
    private static final Logger LOG = Logger.instance();

    /**
     * @param runtimeStext VMCOREINFO's {@code SYMBOL(_stext)}, when the dump has it
     * @param kaslrOffset  the dump's KASLR offset, 0 when none
     */
    public record Facts(OptionalLong runtimeStext, long kaslrOffset) {
    }

    private SymbolLoader() {
    }

    /** Reads and relocates the symbols of {@code file}; an ELF by its magic, else text lines. */
    public static SymbolTable load(Path file, Facts facts, Progress progress) {
        List<KernelSymbol> symbols;
        try (Storage s = Storage.open(file)) {
            if (ElfSymbolReader.isElf(s)) {
                symbols = ElfSymbolReader.read(s, progress);
            } else {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    symbols = SymbolTextReader.read(file.toString(), in, progress);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        SymbolTable t = relocate(file.toString(), symbols, facts);
        LOG.atInfo().log("{} symbols from {}: {}", t.size(), file, t.relocation().how());
        return t;
    }

    /** Relocates symbols already read (see the class comment). */
    public static SymbolTable relocate(String source, List<KernelSymbol> symbols, Facts facts) {
        if (symbols.isEmpty()) {
            throw new DumpFormatException(source, 0, "symbol table", "at least one symbol, found none");
        }
        if (symbols.stream().allMatch(s -> s.address() == 0)) {
            throw new DumpFormatException(source, 0, "symbol table",
                    "addresses, found only zeros (kallsyms read without the privilege to see addresses)");
        }
        Relocation r = relocation(symbols, facts);
        return new SymbolTable(source, r, symbols.stream().map(s -> s.moved(r.displacement())).toList());
    }

    static Relocation relocation(List<KernelSymbol> symbols, Facts facts) {
        OptionalLong fileStext = symbols.stream().filter(s -> s.name().equals("_stext")).mapToLong(KernelSymbol::address).findFirst();
        if (fileStext.isPresent() && facts.runtimeStext().isPresent()) {
            long d = facts.runtimeStext().getAsLong() - fileStext.getAsLong();
            if (d == 0) {
                return new Relocation(0, "runtime addresses: _stext is VMCOREINFO's " + Hex.of(fileStext.getAsLong()));
            }
            String kaslr = d == facts.kaslrOffset() ? ", the KASLR offset" : " (the dump's KASLR offset is " + Hex.of(facts.kaslrOffset()) + ")";
            return new Relocation(d, "link-time addresses moved by " + Hex.of(d) + kaslr + ": VMCOREINFO's _stext "
                    + Hex.of(facts.runtimeStext().getAsLong()) + " minus the file's " + Hex.of(fileStext.getAsLong()));
        }
        if (facts.kaslrOffset() == 0) {
            return new Relocation(0, "addresses as written: no _stext to compare and no KASLR offset");
        }
        return new Relocation(facts.kaslrOffset(), "link-time addresses assumed, moved by the KASLR offset " + Hex.of(facts.kaslrOffset()));
    }
}
