package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses the lines of {@code vtop --from FILE} straight from bytes, eight digits at a time, with
 * nothing allocated for a usual line. The syntax is that of {@link Hex#parse} on each line read as
 * ISO-8859-1 and stripped: lines end at {@code \n}, {@code \r\n} or {@code \r}; blank lines and lines
 * starting with {@code #} are skipped. A line the fast path does not take (spaces, a comment, a sign,
 * too many digits) goes through {@link Hex#parse} itself, so both accept exactly the same lines.
 */
final class AddressLines {
    private static final byte[] HEX = new byte[256];
    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int d = 0; d < 16; d++) {
            HEX[Character.forDigit(d, 16)] = (byte) d;
            HEX[Character.toUpperCase(Character.forDigit(d, 16))] = (byte) d;
        }
    }

    private AddressLines() {
    }

    /**
     * The addresses of whole lines, as far as the first line that is not one.
     *
     * @param count the addresses put in {@code out}
     * @param lines the lines read, the bad one included
     * @param bad   the line that stopped the parse, or null when every line was read
     */
    record Parsed(int count, int lines, BadLine bad) {
    }

    /**
     * A line that is not an address.
     *
     * @param line  its number, counted from 1 at the start of the bytes parsed
     * @param cause what {@link Hex#parse} said of it
     */
    record BadLine(int line, NumberFormatException cause) {
        /** The failure that names the line in the whole input, which had {@code before} lines before these bytes. */
        CliFailure failure(String input, long before) {
            return Addresses.invalid(cause, input + ", line " + (before + line));
        }
    }

    /** The most addresses {@code length} bytes can hold: each takes a digit and a line end, but the last. */
    static int maxAddresses(int length) {
        return (length + 1) / 2;
    }

    /**
     * Parses the lines of {@code in[from, to)} into {@code out}, which has room for
     * {@link #maxAddresses} of the length. The bytes hold whole lines (the last may lack its end).
     */
    static Parsed parse(byte[] in, int from, int to, long[] out) {
        int count = 0;
        int lines = 0;
        int p = from;
        while (p < to) {
            lines++;
            int start = p;
            if (p + 1 < to && in[p] == '0' && (in[p + 1] | 0x20) == 'x') {
                p += 2;
            }
            int first = p;
            long v = 0;
            long eight;
            while (p - first < 16 && p + 8 <= to && (eight = eightDigits((long) BIG_ENDIAN.get(in, p))) >= 0) {
                v = v << 32 | eight;
                p += 8;
            }
            int d;
            while (p < to && (d = HEX[in[p] & 0xff]) >= 0) {
                v = v << 4 | d;
                p++;
            }
            int digits = p - first;
            if (digits > 0 && digits <= 16) {
                if (p == to) {
                    out[count++] = v;
                    continue;
                }
                if (in[p] == '\n') {
                    out[count++] = v;
                    p++;
                    continue;
                }
                if (in[p] == '\r') {
                    out[count++] = v;
                    p = p + 1 < to && in[p + 1] == '\n' ? p + 2 : p + 1;
                    continue;
                }
            }
            int end = lineEnd(in, start, to);
            String t = new String(in, start, end - start, StandardCharsets.ISO_8859_1).strip();
            p = next(in, end, to);
            if (t.isEmpty() || t.charAt(0) == '#') {
                continue;
            }
            long va;
            try {
                va = Hex.parse(t);
            } catch (NumberFormatException e) {
                return new Parsed(count, lines, new BadLine(lines, e));
            }
            out[count++] = va;
        }
        return new Parsed(count, lines, null);
    }

    /**
     * The value of eight ASCII hex digits read as one big-endian long, all at once; -1 when a byte is
     * not a hex digit.
     */
    private static long eightDigits(long w) {
        if ((w & 0x8080808080808080L) != 0) {
            return -1;
        }
        // for bytes below 0x80: x + (0x80 - lo) has its top bit set when x >= lo, x + (0x7f - hi) when x > hi
        long digits = (w + 0x5050505050505050L) & ~(w + 0x4646464646464646L);
        long lower = w | 0x2020202020202020L;
        long letters = (lower + 0x1f1f1f1f1f1f1f1fL) & ~(lower + 0x1919191919191919L);
        if (((digits | letters) & 0x8080808080808080L) != 0x8080808080808080L) {
            return -1;
        }
        long v = (w & 0x0f0f0f0f0f0f0f0fL) + ((letters & 0x8080808080808080L) >>> 7) * 9;
        v = (v | v >>> 4) & 0x00ff00ff00ff00ffL;
        v = (v | v >>> 8) & 0x0000ffff0000ffffL;
        return (v | v >>> 16) & 0xffffffffL;
    }

    /** Where the line that starts at {@code p} ends: its {@code \r} or {@code \n}, or {@code to}. */
    private static int lineEnd(byte[] in, int p, int to) {
        while (p < to && in[p] != '\n' && in[p] != '\r') {
            p++;
        }
        return p;
    }

    /** The start of the line after the end found by {@link #lineEnd}. */
    private static int next(byte[] in, int end, int to) {
        if (end == to) {
            return to;
        }
        return in[end] == '\r' && end + 1 < to && in[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /**
     * Where bytes {@code [0, length)} can be cut so that they hold whole lines: after the last line end
     * whose line is surely over (a {@code \r} in the last byte may be the start of a {@code \r\n}); -1
     * when there is none.
     */
    static int lastLineEnd(byte[] in, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (in[i] == '\n' || (in[i] == '\r' && i < length - 1)) {
                return i + 1;
            }
        }
        return -1;
    }
}
