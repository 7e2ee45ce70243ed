package dev.vmscope.core.notes;

/** One register value of one CPU. {@code width} is in bytes. */
public record Register(String name, long value, int width, RegisterGroup group) {
    public Register {
        java.util.Objects.requireNonNull(name);
        java.util.Objects.requireNonNull(group);
    }
}
