package dev.vmscope.core.kernel.symbols;

import java.util.Objects;

/**
 * One symbol of a kernel symbol table.
 *
 * @param type the {@code nm} type letter ({@code T} text, {@code D} data, {@code A} absolute, ...);
 *             lowercase for local symbols
 */
public record KernelSymbol(String name, long address, char type) {
    public KernelSymbol {
        Objects.requireNonNull(name);
    }

    /** The same symbol moved by {@code displacement}; absolute symbols stay where they are. */
    KernelSymbol moved(long displacement) {
        return displacement == 0 || Character.toUpperCase(type) == 'A' ? this : new KernelSymbol(name, address + displacement, type);
    }
}
