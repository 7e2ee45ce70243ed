package dev.vmscope.views.regs;

import dev.vmscope.core.Session;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.FlagRegister;
import dev.vmscope.core.notes.FlagRegisters;
import dev.vmscope.core.notes.Register;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The registers the dump's notes give, per CPU and per note, and each CPU's page-table root. */
public final class RegistersModel {
    private final Session session;
    private final TreeMap<Integer, List<CpuState>> byCpu;

    public RegistersModel(Session session) {
        this.session = session;
        this.byCpu = session.dump().cpus().stream()
                .collect(Collectors.groupingBy(CpuState::cpu, TreeMap::new, Collectors.toList()));
    }

    /** The CPUs that have registers, ascending. */
    public List<Integer> cpus() {
        return List.copyOf(byCpu.keySet());
    }

    /** The states of one CPU, one per note that carried registers, in note order. */
    public List<CpuState> states(int cpu) {
        return byCpu.getOrDefault(cpu, List.of());
    }

    /** The CPU's page-table root register (CR3, TTBR1), when a note gives it. */
    public Optional<Long> root(int cpu) {
        return session.cpuPageTableRoot(cpu);
    }

    /** Whether virtual addresses can be walked at all (so a register value can be followed). */
    public boolean canWalk() {
        return session.kernel().isPresent();
    }

    /** The name of the CPU's root register as the manuals write it ({@code CR3}, {@code TTBR1_EL1}). */
    public String rootName(int cpu) {
        return states(cpu).stream().flatMap(s -> s.register("cr3").or(() -> s.register("ttbr1_el1")).stream())
                .findFirst().map(r -> r.name().toUpperCase(Locale.ROOT)).orElse("root");
    }

    /** The bit-by-bit table of a flags or control register of this dump's architecture, if there is one. */
    public Optional<FlagRegister> flagTable(Register r) {
        return FlagRegisters.of(session.dump().architecture(), r.name());
    }

    /**
     * The other CPUs' values of the register, from the same kind of note, when any differs from this one's:
     * e.g. {@code {1=0x206}} for CPU 0's rflags 0x246.
     */
    public Map<Integer, Long> othersWhereDifferent(CpuState state, Register r) {
        Map<Integer, Long> out = new TreeMap<>();
        for (Map.Entry<Integer, List<CpuState>> e : byCpu.entrySet()) {
            if (e.getKey() == state.cpu()) {
                continue;
            }
            e.getValue().stream().filter(s -> s.source().equals(state.source()))
                    .flatMap(s -> s.register(r.name()).stream())
                    .filter(o -> o.value() != r.value()).findFirst()
                    .ifPresent(o -> out.put(e.getKey(), o.value()));
        }
        return out;
    }

    /** What a note that carries registers is, for a card's title. */
    public static String meaning(String source) {
        return switch (source) {
            case CpuState.PRSTATUS -> "saved by the kernel when it crashed or stopped the CPU";
            case CpuState.QEMU -> "the virtual CPU's state when QEMU wrote the dump";
            case CpuState.XEN_CRASH_REGS -> "control registers Xen saved at the crash";
            default -> "";
        };
    }
}
