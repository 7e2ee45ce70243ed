package dev.vmscope.core.notes;

import java.util.List;
import java.util.Optional;

/**
 * The registers of one CPU as one note gave them.
 *
 * @param cpu    the CPU's index in the dump (order of its notes)
 * @param source {@code NT_PRSTATUS}, {@code QEMU} or {@code XEN_CRASH_REGS}
 */
public record CpuState(int cpu, String source, List<Register> registers) {
    public static final String PRSTATUS = "NT_PRSTATUS";
    public static final String QEMU = "QEMU";
    public static final String XEN_CRASH_REGS = "XEN_CRASH_REGS";

    public CpuState {
        registers = List.copyOf(registers);
    }

    public Optional<Register> register(String name) {
        return registers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The page-table root register of this CPU if the note carries one (CR3, TTBR). */
    public Optional<Long> pageTableRoot() {
        return register("cr3").or(() -> register("ttbr1_el1")).map(Register::value);
    }
}
