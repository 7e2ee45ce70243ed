package dev.vmscope.core.kernel.symbols;

/**
 * How a symbol file's addresses were moved to the running kernel's.
 *
 * @param displacement added to every non-absolute address (0 for a saved {@code /proc/kallsyms})
 * @param how          in words, e.g. {@code "runtime addresses: _stext matches VMCOREINFO"}
 */
public record Relocation(long displacement, String how) {
}
