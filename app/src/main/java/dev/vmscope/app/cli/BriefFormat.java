package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.BatchTranslator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes of one {@code vtop --brief} line: {@code 0x} and the lowercase hex digits of the virtual
 * address, a space, the physical address the same way or {@code -} when unmapped, a newline. Eight
 * digits are made at once and stored as one long, so a line may scribble up to {@link #SLACK} bytes
 * past its end, which the next line overwrites.
 */
final class BriefFormat {
    /** The longest line: "0x" + 16 digits, a space, "0x" + 16 digits, a newline. */
    private static final int MAX_LINE = 2 * 18 + 2;
    /** The bytes past the end of a line that writing it may change. */
    private static final int SLACK = Long.BYTES;

    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BriefFormat() {
    }

    /** The room {@code lines} lines need in a buffer. */
    static int room(int lines) {
        return lines * MAX_LINE + SLACK;
    }

    /**
     * Writes the line of {@code va} at {@code at}, which has {@link #room} for one line; returns its end.
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
        if (digits > 8) {
            int high = digits - 8;
            BIG_ENDIAN.set(out, at, digits((int) (v >>> 32)) << 8 * (8 - high));
            at += high;
            BIG_ENDIAN.set(out, at, digits((int) v));
            return at + 8;
        }
        BIG_ENDIAN.set(out, at, digits((int) v) << 8 * (8 - digits));
        return at + digits;
    }

    /** The eight lowercase hex digits of {@code x} as ASCII bytes, the first digit in the highest byte. */
    private static long digits(int x) {
        long v = x & 0xffffffffL;
        v = (v | v << 16) & 0x0000ffff0000ffffL;
        v = (v | v << 8) & 0x00ff00ff00ff00ffL;
        v = (v | v << 4) & 0x0f0f0f0f0f0f0f0fL;
        long letters = (v + 0x0606060606060606L) >>> 4 & 0x0101010101010101L;
        return v + 0x3030303030303030L + letters * ('a' - '0' - 10);
    }
}
