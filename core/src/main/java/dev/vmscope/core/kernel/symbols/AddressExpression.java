package dev.vmscope.core.kernel.symbols;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type into an address field: a symbol or a hexadecimal address, then any number of
 * {@code +} or {@code -} offsets. The first term is a symbol when the table has that name, else hex
 * with or without {@code 0x} ({@code ffffffff81000000}); offsets are decimal unless they start with
 * {@code 0x}, as in gdb ({@code linux_banner+0x10}, {@code _stext-16}).
 */
public final class AddressExpression {
    private static final Pattern TERM = Pattern.compile("\\s*([+-])\\s*([^+\\s-]+)\\s*");
    private static final Pattern FIRST = Pattern.compile("\\s*([^+\\s-]+)");

    /** Why the text is no address, in words that quote it. */
    public static final class BadAddressException extends IllegalArgumentException {
        public BadAddressException(String message) {
            super(message);
        }
    }

    private AddressExpression() {
    }

    /**
     * @param symbols the table names are looked up in, or empty when none is loaded
     * @throws BadAddressException when a term is neither a known symbol nor a number
     */
    public static long parse(String typed, Optional<SymbolTable> symbols) {
        String text = typed.strip();
        Matcher first = FIRST.matcher(text);
        if (!first.lookingAt()) {
            throw new BadAddressException("not an address: '" + text + "'");
        }
        long value = base(first.group(1), symbols);
        Matcher term = TERM.matcher(text);
        int at = first.end();
        while (at < text.length()) {
            term.region(at, text.length());
            if (!term.lookingAt()) {
                throw new BadAddressException("expected '+' or '-' and a number after '" + text.substring(0, at).strip() + "'");
            }
            long n = offset(term.group(2));
            value = term.group(1).equals("+") ? value + n : value - n;
            at = term.end();
        }
        return value;
    }

    /** The name being typed at the end of {@code text}, for completion: {@code "linux_ba"} of {@code "linux_ba"}; empty after an operator. */
    public static String namePrefix(String text) {
        Matcher m = FIRST.matcher(text);
        return m.matches() && !text.isBlank() ? m.group(1) : "";
    }

    private static long base(String term, Optional<SymbolTable> symbols) {
        Optional<Long> sym = symbols.flatMap(t -> t.symbol(term)).map(KernelSymbol::address);
        if (sym.isPresent()) {
            return sym.get();
        }
        try {
            return parseHex(term.startsWith("0x") || term.startsWith("0X") ? term.substring(2) : term);
        } catch (NumberFormatException e) {
            throw new BadAddressException(symbols.isPresent()
                    ? "neither a symbol nor a hexadecimal address: '" + term + "'"
                    : "not a hexadecimal address: '" + term + "' (load a symbol table to use names)");
        }
    }

    private static long offset(String term) {
        try {
            if (term.startsWith("0x") || term.startsWith("0X")) {
                return parseHex(term.substring(2));
            }
            return Long.parseLong(term);
        } catch (NumberFormatException e) {
            throw new BadAddressException("not a number: '" + term + "' (offsets are decimal, or hexadecimal with 0x)");
        }
    }

    private static long parseHex(String digits) {
        if (digits.isEmpty() || digits.length() > 16) {
            throw new NumberFormatException(digits);
        }
        return Long.parseUnsignedLong(digits, 16);
    }
}
