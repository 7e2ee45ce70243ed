package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.BatchTranslator;

/**
 * The bytes of one {@code vtop --brief} line: {@code 0x} and the lowercase hex digits of the virtual
 * address, a space, the physical address the same way or {@code -} when unmapped, a newline.
 */
final class BriefFormat {
    /** The longest line: "0x" + 16 digits, a space, "0x" + 16 digits, a newline. */
    static final int MAX_LINE = 2 * 18 + 2;

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private BriefFormat() {
    }

    /**
     * Writes the line of {@code va} at {@code at}, which has room for {@link #MAX_LINE} bytes; returns its end.
     *
     * @param pa the physical address, or {@link BatchTranslator#UNMAPPED}
     */
    static int line(byte[] out, int at, long va, long pa) {
        at = hex(out, at, va);
        out[at++] = ' ';
        if (pa != BatchTranslator.UNMAPPED) {
            at = hex(out, at, pa);
        } else {
            out[at++] = '-';
        }
        out[at++] = '\n';
        return at;
    }

    /** Writes {@code 0x} and the digits of an unsigned value, no leading zeros; returns the end. */
    private static int hex(byte[] out, int at, long v) {
        out[at++] = '0';
        out[at++] = 'x';
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
        int end = at + digits;
        for (int i = end - 1; i >= at; i--) {
            out[i] = DIGITS[(int) v & 0xf];
            v >>>= 4;
        }
        return end;
    }
}
