package dev.vmscope.core.kernel.symbols;

/** An address as a symbol plus an offset, written like the kernel's {@code %pS}: {@code linux_banner+0x10}. */
public record SymbolOffset(KernelSymbol symbol, long offset) {
    @Override
    public String toString() {
        return offset == 0 ? symbol.name() : symbol.name() + "+0x" + Long.toHexString(offset);
    }
}
