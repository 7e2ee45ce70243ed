package dev.vmscope.app.cli;

import java.io.PrintWriter;

/**
 * Bytes as {@code xxd} shows them, with the address of each line in the space read:
 * {@code 0xffffffff81000000:  48 8d 25 51 3f a0 01 48  8d 3d f2 ff ff ff b9 01  H.%Q?..H.=......}.
 * Addresses are right-aligned so the columns line up.
 */
final class HexDump {
    /** The lowercase hexadecimal digits, for writers that place them one by one. */
    static final char[] DIGITS = "0123456789abcdef".toCharArray();
    private static final int PER_LINE = 16;

    private HexDump() {
    }

    static void write(PrintWriter w, long address, byte[] data) {
        long lastLine = address + (long) Math.max(0, data.length - 1) / PER_LINE * PER_LINE;
        int width = Math.max(hexLength(address), hexLength(lastLine));
        StringBuilder line = new StringBuilder(width + 80);
        for (int at = 0; at < data.length; at += PER_LINE) {
            line.setLength(0);
            long a = address + at;
            line.repeat(' ', width - hexLength(a)).append("0x").append(Long.toHexString(a)).append(": ");
            int n = Math.min(PER_LINE, data.length - at);
            for (int i = 0; i < PER_LINE; i++) {
                line.append(i == PER_LINE / 2 ? "  " : " ");
                if (i < n) {
                    int b = data[at + i] & 0xff;
                    line.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xf]);
                } else {
                    line.append("  ");
                }
            }
            line.append("  ");
            for (int i = 0; i < n; i++) {
                int b = data[at + i] & 0xff;
                line.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            w.println(line);
        }
    }

    private static int hexLength(long v) {
        return 2 + Long.toHexString(v).length();
    }
}
