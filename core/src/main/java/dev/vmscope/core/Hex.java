package dev.vmscope.core;

import java.util.HexFormat;

/** The one way vmscope writes and reads numbers: {@code 0x} and lowercase hex. */
public final class Hex {
    private static final HexFormat BYTES = HexFormat.of();

    private Hex() {
    }

    public static String of(long value) {
        return "0x" + Long.toHexString(value);
    }

    public static String bytes(byte[] data) {
        return BYTES.formatHex(data);
    }

    public static String bytes(byte[] data, int from, int to) {
        return BYTES.formatHex(data, from, to);
    }

    /**
     * Parses an unsigned 64-bit hexadecimal number, with or without {@code 0x}.
     *
     * @throws NumberFormatException naming the text when it is not one
     */
    public static long parse(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 16) {
            throw new NumberFormatException("not a 64-bit hexadecimal number: '" + text + "'");
        }
        try {
            return Long.parseUnsignedLong(t, 16);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a hexadecimal number: '" + text + "'");
        }
    }
}
