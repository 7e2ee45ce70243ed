package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;

/** Reads addresses and sizes given on the command line, with a message that says which argument was wrong. */
final class Addresses {
    private Addresses() {
    }

    /**
     * Parses hexadecimal, with or without {@code 0x}.
     *
     * @param where the argument, for the message, e.g. {@code "--root"} or {@code "addrs.txt, line 7"}
     */
    static long parse(String text, String where) {
        try {
            return Hex.parse(text);
        } catch (NumberFormatException e) {
            throw invalid(e, where);
        }
    }

    /** The failure for text {@link Hex#parse} refused, naming where it was given. */
    static CliFailure invalid(NumberFormatException e, String where) {
        return CliFailure.usage(e.getMessage() + " (" + where + ")");
    }

    /** Parses a count: decimal, or hexadecimal with {@code 0x}. */
    static long count(String text, String where) {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Hex.parse(t);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw CliFailure.usage("not a number: '" + text + "' (" + where + ": decimal, or hexadecimal with 0x)");
        }
    }
}
