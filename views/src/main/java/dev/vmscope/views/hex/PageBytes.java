package dev.vmscope.views.hex;

import java.util.BitSet;

/**
 * One page of an address space as far as the dump holds it: the bytes, which of them could be read,
 * and why the others could not.
 *
 * @param base     the page's first address
 * @param data     {@link PageReader#PAGE} bytes; unreadable ones are zero
 * @param readable bit i set when byte i was read
 * @param excluded bit i set when byte i is in a page the dump's filtering left out (not a hole)
 * @param problem  why some bytes could not be read, or empty when all were
 */
record PageBytes(long base, byte[] data, BitSet readable, BitSet excluded, String problem) {

    static PageBytes unreadable(long base, String why) {
        return new PageBytes(base, new byte[PageReader.PAGE], new BitSet(PageReader.PAGE), new BitSet(), why);
    }

    boolean excluded(int offset) {
        return excluded.get(offset);
    }

    boolean readable(int offset) {
        return readable.get(offset);
    }
}
