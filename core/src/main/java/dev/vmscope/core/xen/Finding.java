package dev.vmscope.core.xen;

import java.util.Optional;

/**
 * Something looked for in a dump: the value when found and how it was found, or why it was not, in
 * words. Absence is an answer, not an error.
 */
public record Finding<T>(Optional<T> value, String explanation) {
    public static <T> Finding<T> found(T value, String how) {
        return new Finding<>(Optional.of(value), how);
    }

    public static <T> Finding<T> missing(String why) {
        return new Finding<>(Optional.empty(), why);
    }

    public boolean isFound() {
        return value.isPresent();
    }
}
