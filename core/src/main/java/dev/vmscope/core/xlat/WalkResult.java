package dev.vmscope.core.xlat;

/** How a walk ended: a mapped page, or a fault at a named level. */
public sealed interface WalkResult permits WalkResult.Mapped, WalkResult.Fault {

    /**
     * @param address  the translated address, in the walk's table space
     * @param pageSize the size of the page (4 KiB, 2 MiB, 1 GiB, ...)
     */
    record Mapped(long address, long pageSize, Permissions permissions) implements WalkResult {
    }

    /**
     * @param level  the level where it happened, or {@code null} before the first level
     * @param reason in words, e.g. {@code "PD entry not present"}
     * @param detail libkdumpfile-style, e.g. {@code "PD[17] = 0x0"}
     */
    record Fault(FaultKind kind, String level, String reason, String detail) implements WalkResult {
    }
}
