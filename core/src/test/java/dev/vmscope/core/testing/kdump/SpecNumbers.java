package dev.vmscope.core.testing.kdump;

/** Numbers in test specs: {@code 0x} hex (unsigned 64-bit) or decimal, with optional {@code _} separators. */
final class SpecNumbers {
    private SpecNumbers() {
    }

    static long parse(String text) {
        String t = text.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        if (t.startsWith("-")) {
            return Long.parseLong(t);
        }
        return Long.parseUnsignedLong(t);
    }
}
