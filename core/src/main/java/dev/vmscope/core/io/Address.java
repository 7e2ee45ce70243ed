package dev.vmscope.core.io;

import dev.vmscope.core.Hex;

/** An address together with the space it belongs to, so that machine and physical never mix. */
public record Address(long value, Space space) {
    public Address {
        java.util.Objects.requireNonNull(space);
    }

    public static Address physical(long value) {
        return new Address(value, Space.PHYSICAL);
    }

    public static Address machine(long value) {
        return new Address(value, Space.MACHINE);
    }

    public static Address virtual(long value) {
        return new Address(value, Space.KERNEL_VIRTUAL);
    }

    @Override
    public String toString() {
        return space.id() + ":" + Hex.of(value);
    }
}
