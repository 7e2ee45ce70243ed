package dev.vmscope.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** The value syntax of dump specs: numbers, machine names, comments, and data items. */
final class SpecValues {
    private SpecValues() {
    }

    /** The line without its comment ({@code #} outside a quoted string). */
    static String stripComment(String line) {
        int at = commentStart(line);
        return at < 0 ? line : line.substring(0, at);
    }

    /** The comment's text without {@code #}, or empty. */
    static String comment(String line) {
        int at = commentStart(line);
        return at < 0 ? "" : line.substring(at + 1).strip();
    }

    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** A decimal or {@code 0x} hexadecimal number, unsigned 64-bit or negative. */
    static long number(String text) {
        String t = text.strip().replace("_", "");
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        try {
            long v = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseUnsignedLong(digits);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
    }

    /** An ELF machine by name ({@code x86_64}, {@code i386}, {@code aarch64}, {@code arm}) or number. */
    static int machine(String text) {
        return switch (text) {
            case "x86_64" -> DumpSpec.EM_X86_64;
            case "i386" -> DumpSpec.EM_386;
            case "aarch64" -> DumpSpec.EM_AARCH64;
            case "arm" -> DumpSpec.EM_ARM;
            default -> (int) number(text);
        };
    }

    static boolean yes(String text) {
        return switch (text) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> throw new IllegalArgumentException("expected yes or no, found '" + text + "'");
        };
    }

    /**
     * One DATA item: a quoted string, {@code bytes HEX...}, {@code u8|u16|u32|u64 N...}, or plain numbers of
     * {@code defaultWidth} bytes (0 when plain numbers are not allowed).
     */
    static byte[] data(String text, int defaultWidth, ByteOrder order) {
        if (text.startsWith("\"")) {
            return quoted(text);
        }
        String[] tokens = text.split("\\s+");
        int width = switch (tokens[0]) {
            case "u8" -> 1;
            case "u16" -> 2;
            case "u32" -> 4;
            case "u64" -> 8;
            case "bytes" -> -1;
            default -> 0;
        };
        if (width == -1) {
            String hex = text.substring("bytes".length()).replaceAll("\\s+", "");
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bytes takes pairs of hex digits, found '" + hex + "'");
            }
        }
        int first = width == 0 ? 0 : 1;
        if (width == 0 && defaultWidth == 0) {
            throw new IllegalArgumentException("expected a string, bytes, or u8/u16/u32/u64 values, found '" + text + "'");
        }
        int w = width == 0 ? defaultWidth : width;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first; i < tokens.length; i++) {
            out.writeBytes(ByteWriter.of(number(tokens[i]), w, order));
        }
        return out.toByteArray();
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 1;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i++);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= text.length()) {
                break;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '0' -> out.write(0);
                case '\\', '"' -> out.write(e);
                case 'x' -> {
                    if (i + 2 > text.length()) {
                        throw new IllegalArgumentException("\\x needs two hex digits");
                    }
                    out.write(HexFormat.fromHexDigits(text, i, i + 2));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e);
            }
        }
        if (i >= text.length() || i != text.length() - 1) {
            throw new IllegalArgumentException("a string must end with its closing quote: " + text);
        }
        return out.toByteArray();
    }
}
