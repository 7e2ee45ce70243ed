package dev.vmscope.core.kernel.symbols;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A kernel's symbols at their runtime addresses: look a name up, name an address as symbol+offset,
 * complete a prefix. Immutable; built once by {@link SymbolLoader}.
 *
 * @see Relocation how the addresses of the file were moved to runtime ones
 */
public final class SymbolTable {
    /** How far past its symbol an address may lie and still be named by it. */
    static final long MAX_OFFSET = 1L << 20;

    private final String source;
    private final Relocation relocation;
    private final KernelSymbol[] byAddress;
    private final String[] sortedNames;
    private final Map<String, KernelSymbol> byName;

    public SymbolTable(String source, Relocation relocation, List<KernelSymbol> symbols) {
        this.source = source;
        this.relocation = relocation;
        this.byAddress = symbols.stream().filter(s -> Character.toUpperCase(s.type()) != 'A')
                .sorted(Comparator.comparing(KernelSymbol::address, Long::compareUnsigned))
                .toArray(KernelSymbol[]::new);
        this.byName = new HashMap<>(symbols.size() * 2);
        for (KernelSymbol s : symbols) {
            byName.putIfAbsent(s.name(), s); // the first of duplicate (static) names, as the kernel's lookup
        }
        this.sortedNames = byName.keySet().stream().sorted().toArray(String[]::new);
    }

    /** The file the symbols came from. */
    public String source() {
        return source;
    }

    public Relocation relocation() {
        return relocation;
    }

    public int size() {
        return byName.size();
    }

    public Optional<KernelSymbol> symbol(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public OptionalLong address(String name) {
        KernelSymbol s = byName.get(name);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.address());
    }

    /**
     * The symbol at or below {@code address} (not absolute, at most 1 MiB below), with the offset; of
     * several at one address, the global one first.
     */
    public Optional<SymbolOffset> describe(long address) {
        int lo = 0;
        int hi = byAddress.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(byAddress[mid].address(), address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0 || address - byAddress[found].address() >= MAX_OFFSET) {
            return Optional.empty();
        }
        KernelSymbol best = byAddress[found];
        for (int i = found; i >= 0 && byAddress[i].address() == best.address(); i--) {
            if (Character.isUpperCase(byAddress[i].type())) {
                best = byAddress[i];
            }
        }
        return Optional.of(new SymbolOffset(best, address - best.address()));
    }

    /** Up to {@code max} names starting with {@code prefix}, in alphabetical order. */
    public List<String> complete(String prefix, int max) {
        int at = Arrays.binarySearch(sortedNames, prefix);
        if (at < 0) {
            at = -at - 1;
        }
        List<String> out = new ArrayList<>();
        for (int i = at; i < sortedNames.length && out.size() < max && sortedNames[i].startsWith(prefix); i++) {
            out.add(sortedNames[i]);
        }
        return out;
    }
}
