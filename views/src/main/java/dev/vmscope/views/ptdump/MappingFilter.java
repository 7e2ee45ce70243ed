package dev.vmscope.views.ptdump;

import dev.vmscope.core.kernel.symbols.AddressExpression;
import dev.vmscope.core.kernel.symbols.SymbolTable;
import dev.vmscope.core.xlat.MappingRange;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which ranges the ptdump pane lists.
 *
 * @param writableExecutable only ranges both writable and executable (the kernel's W+X check)
 * @param user               only ranges user mode may access
 * @param hugeOnly           only ranges mapped by pages larger than the base page
 * @param from               only ranges ending above this virtual address
 * @param to                 only ranges starting below this virtual address
 * @param search             an address (or symbol expression) the range must contain, or words its flags must
 *                           contain ({@code "global nx"}); blank for none
 */
public record MappingFilter(boolean writableExecutable, boolean user, boolean hugeOnly, OptionalLong from, OptionalLong to,
                            String search) {

    public static final MappingFilter NONE = new MappingFilter(false, false, false, OptionalLong.empty(), OptionalLong.empty(), "");

    /** The predicate over ranges, the search read with {@code symbols} when it is an address. */
    public java.util.function.Predicate<MappingRange> predicate(long basePageSize, Optional<SymbolTable> symbols) {
        OptionalLong address = address(search, symbols);
        String[] words = search.isBlank() || address.isPresent() ? new String[0] : search.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return r -> (!writableExecutable || (r.flags().contains("rw") && r.flags().contains("x")))
                && (!user || r.flags().contains("user"))
                && (!hugeOnly || r.pageSize() > basePageSize)
                && (from.isEmpty() || Long.compareUnsigned(r.end() - 1, from.getAsLong()) >= 0)
                && (to.isEmpty() || Long.compareUnsigned(r.start(), to.getAsLong()) < 0)
                && (address.isEmpty() || contains(r, address.getAsLong()))
                && java.util.Arrays.stream(words).allMatch(w -> r.flags().contains(w));
    }

    private static boolean contains(MappingRange r, long va) {
        return Long.compareUnsigned(va, r.start()) >= 0 && Long.compareUnsigned(va - r.start(), r.size()) < 0;
    }

    /** The search as an address: {@code 0x…} hex always, a symbol expression when symbols name it. */
    private static OptionalLong address(String search, Optional<SymbolTable> symbols) {
        String s = search.strip();
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean looksLikeAddress = s.startsWith("0x") || s.matches("\\p{XDigit}{9,16}")
                || symbols.map(t -> t.symbol(s.split("[+-]")[0].strip()).isPresent()).orElse(false);
        if (!looksLikeAddress) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(AddressExpression.parse(s, symbols));
        } catch (AddressExpression.BadAddressException e) {
            return OptionalLong.empty();
        }
    }
}
