package dev.vmscope.views.hex;

import java.util.Arrays;

/**
 * Sixteen bytes of an address space as the hex view shows them.
 *
 * @param address  the first byte's address (a multiple of 16)
 * @param bytes    16 bytes; unreadable ones are zero
 * @param readable bit i set when byte i is in the dump
 * @param excluded bit i set when byte i is in a page the dump's filtering left out (rather than a hole)
 * @param problem  why some bytes are not, or empty
 */
public record HexRow(long address, byte[] bytes, int readable, int excluded, String problem) {
    public static final int WIDTH = 16;

    public HexRow {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean readable(int i) {
        return (readable & (1 << i)) != 0;
    }

    public boolean excluded(int i) {
        return (excluded & (1 << i)) != 0;
    }

    /** Byte i as two lowercase hex digits; {@code --} in a page filtering left out, {@code ??} elsewhere not in the dump. */
    public String hex(int i) {
        if (readable(i)) {
            return String.format("%02x", bytes[i] & 0xff);
        }
        return excluded(i) ? "--" : "??";
    }

    /**
     * Eight-byte word w (0 or 1) read little-endian, as sixteen hex digits; {@code ?} for each digit of
     * a byte that is not in the dump.
     */
    public String word(int w) {
        StringBuilder b = new StringBuilder(16);
        for (int i = w * 8 + 7; i >= w * 8; i--) {
            b.append(readable(i) ? String.format("%02x", bytes[i] & 0xff) : excluded(i) ? "--" : "??");
        }
        return b.toString();
    }

    /** Byte i as a printable ASCII character, {@code .} for others, a blank when unreadable. */
    public char ascii(int i) {
        if (!readable(i)) {
            return ' ';
        }
        int b = bytes[i] & 0xff;
        return b >= 0x20 && b < 0x7f ? (char) b : '.';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexRow r && r.address == address && r.readable == readable && r.excluded == excluded
                && Arrays.equals(r.bytes, bytes) && r.problem.equals(problem);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + Arrays.hashCode(bytes);
    }
}
