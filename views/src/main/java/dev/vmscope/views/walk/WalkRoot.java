package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;

import java.util.OptionalInt;

/**
 * A page-table root to walk from: the kernel's, or a CPU's root register from the dump's notes.
 *
 * @param register the root register's value (CR3, TTBR) or the top table's address
 * @param origin   how it is known, in words
 * @param cpu      the CPU it belongs to, for a CPU's root
 */
public record WalkRoot(String name, long register, String origin, OptionalInt cpu) {

    public static WalkRoot kernel(long table, String origin) {
        return new WalkRoot("kernel page table", table, origin, OptionalInt.empty());
    }

    /**
     * @param registerName the root register's name as the manuals write it ({@code CR3}, {@code TTBR1_EL1})
     * @param note         the note that carried it ({@code QEMU}, {@code XEN_CRASH_REGS})
     */
    public static WalkRoot cpu(int cpu, String registerName, long register, String note) {
        return new WalkRoot("CPU " + cpu + " " + registerName, register,
                registerName + " of CPU " + cpu + " from the " + note + " note", OptionalInt.of(cpu));
    }

    /** What the root chooser shows, e.g. {@code CPU 1 CR3 0x2b92000}. */
    @Override
    public String toString() {
        return name + "  " + Hex.of(register);
    }
}
