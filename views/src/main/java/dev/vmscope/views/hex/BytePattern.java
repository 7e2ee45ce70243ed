package dev.vmscope.views.hex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What the hex view's find looks for, from the text typed: hex digits (spaces allowed) or ASCII text. */
final class BytePattern {
    static final int MAX = 256;

    private BytePattern() {
    }

    /**
     * @throws IllegalArgumentException in words for the find bar: an odd digit count, a non-hex
     *                                  character, nothing typed, longer than {@value #MAX} bytes
     */
    static byte[] parse(String text, boolean ascii) {
        byte[] out = ascii ? text.getBytes(StandardCharsets.ISO_8859_1) : hex(text);
        if (out.length == 0) {
            throw new IllegalArgumentException("type the bytes to find");
        }
        if (out.length > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " bytes can be looked for");
        }
        return out;
    }

    private static byte[] hex(String text) {
        String digits = text.replace("0x", "").replaceAll("[\\s,:]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("an odd number of hex digits: " + digits.length());
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < digits.length(); i += 2) {
            int hi = Character.digit(digits.charAt(i), 16);
            int lo = Character.digit(digits.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex byte: " + digits.substring(i, i + 2));
            }
            b.write(hi << 4 | lo);
        }
        return b.toByteArray();
    }
}
