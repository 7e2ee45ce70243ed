package dev.vmscope.core.testing.tables;

import dev.vmscope.core.Hex;

/**
 * Page tables written as text, one entry per line, the way the tests describe them:
 * <pre>
 *   # comment lines and trailing comments explain each entry
 *   0xa004: 0x0000b027          # PD[1] -&gt; PT at 0xb000 (P RW US A)
 *   0x7400: 0xa0340ca2 x16      # a supersection is repeated in 16 consecutive entries
 * </pre>
 * Every entry is {@code entrySize} bytes; {@code xN} writes the same entry into N consecutive slots.
 */
public final class TableText {
    private TableText() {
    }

    /** Physical little-endian memory holding the entries of {@code text}. */
    public static SparseMemory parse(int entrySize, String text) {
        return into(SparseMemory.physical(), entrySize, text);
    }

    /** Writes the entries of {@code text} into {@code memory}. */
    public static SparseMemory into(SparseMemory memory, int entrySize, String text) {
        int lineNumber = 0;
        for (String raw : text.split("\n")) {
            lineNumber++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected 'address: entry', got '" + raw + "'");
            }
            long address = Hex.parse(line.substring(0, colon));
            String[] words = line.substring(colon + 1).strip().split("\\s+");
            long value = Hex.parse(words[0]);
            int copies = 1;
            if (words.length == 2 && words[1].startsWith("x")) {
                copies = Integer.parseInt(words[1].substring(1));
            } else if (words.length != 1) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected 'entry' or 'entry xN', got '" + raw + "'");
            }
            for (int i = 0; i < copies; i++) {
                memory.write(address + (long) i * entrySize, value, entrySize);
            }
        }
        return memory;
    }
}
