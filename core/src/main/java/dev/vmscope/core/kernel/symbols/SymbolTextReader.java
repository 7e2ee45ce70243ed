package dev.vmscope.core.kernel.symbols;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code nm}-style symbol lines, as both System.map and {@code /proc/kallsyms} write them:
 * {@code <hex address> <type letter> <name>}, kallsyms adding a tab and {@code [module]} for module symbols.
 */
final class SymbolTextReader {
    private SymbolTextReader() {
    }

    static List<KernelSymbol> read(String file, BufferedReader in, Progress progress) {
        List<KernelSymbol> out = new ArrayList<>();
        long lineNumber = 0;
        long offset = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    out.add(parse(file, line, lineNumber, offset));
                }
                offset += line.length() + 1;
                if ((lineNumber & 0x3fff) == 0) {
                    progress.update("Reading symbols", lineNumber, 0);
                    progress.checkCancelled();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static KernelSymbol parse(String file, String line, long lineNumber, long offset) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 3 || f[1].length() != 1 || f[0].length() > 16) {
            throw new DumpFormatException(file, offset, "symbol line " + lineNumber,
                    "'<hex address> <type letter> <name>', found '" + line + "'");
        }
        long address;
        try {
            address = Long.parseUnsignedLong(f[0], 16);
        } catch (NumberFormatException e) {
            throw new DumpFormatException(file, offset, "symbol line " + lineNumber, "a hexadecimal address, found '" + f[0] + "'");
        }
        return new KernelSymbol(f[2], address, f[1].charAt(0));
    }
}
