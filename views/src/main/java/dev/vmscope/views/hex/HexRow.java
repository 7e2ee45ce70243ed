package dev.vmscope.views.hex;

import java.util.Arrays;

/**
 * Sixteen bytes of an address space as the hex view shows them.
 *
 * @param address  the first byte's address (a multiple of 16)
 * @param bytes    16 bytes; unreadable ones are zero
 * @param readable bit i set when byte i is in the dump
 * @param problem  why some bytes are not, or empty
 */
public record HexRow(long address, byte[] bytes, int readable, String problem) {
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

    /** Byte i as two lowercase hex digits, or {@code ??} when it is not in the dump. */
    public String hex(int i) {
        return readable(i) ? String.format("%02x", bytes[i] & 0xff) : "??";
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
        return o instanceof HexRow r && r.address == address && r.readable == readable
                && Arrays.equals(r.bytes, bytes) && r.problem.equals(problem);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + Arrays.hashCode(bytes);
    }
}
