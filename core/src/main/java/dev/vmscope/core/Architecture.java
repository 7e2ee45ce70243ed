package dev.vmscope.core;

import java.nio.ByteOrder;

/** The machine architectures vmscope knows, with the facts the parsers need about each. */
public enum Architecture {
    X86_64("x86_64", 62, 8, ByteOrder.LITTLE_ENDIAN),
    I386("i386", 3, 4, ByteOrder.LITTLE_ENDIAN),
    AARCH64("aarch64", 183, 8, ByteOrder.LITTLE_ENDIAN),
    ARM("arm", 40, 4, ByteOrder.LITTLE_ENDIAN);

    private final String id;
    private final int elfMachine;
    private final int pointerSize;
    private final ByteOrder byteOrder;

    Architecture(String id, int elfMachine, int pointerSize, ByteOrder byteOrder) {
        this.id = id;
        this.elfMachine = elfMachine;
        this.pointerSize = pointerSize;
        this.byteOrder = byteOrder;
    }

    /** The name used in output ({@code x86_64}, {@code i386}, {@code aarch64}, {@code arm}). */
    public String id() {
        return id;
    }

    public int elfMachine() {
        return elfMachine;
    }

    public int pointerSize() {
        return pointerSize;
    }

    public ByteOrder byteOrder() {
        return byteOrder;
    }

    public static java.util.Optional<Architecture> fromElfMachine(int machine) {
        for (Architecture a : values()) {
            if (a.elfMachine == machine) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
