package dev.vmscope.views.hex;

import java.util.BitSet;

/**
 * One page of an address space as far as the dump holds it: the bytes, which of them could be read,
 * and why the others could not.
 *
 * @param base     the page's first address
 * @param data     {@link PageReader#PAGE} bytes; unreadable ones are zero
 * @param readable bit i set when byte i was read
 * @param problem  why some bytes could not be read, or empty when all were
 */
record PageBytes(long base, byte[] data, BitSet readable, String problem) {

    static PageBytes unreadable(long base, String why) {
        return new PageBytes(base, new byte[PageReader.PAGE], new BitSet(PageReader.PAGE), why);
    }

    boolean readable(int offset) {
        return readable.get(offset);
    }
}
