package dev.vmscope.core.notes;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.testing.NoteLayout;
import dev.vmscope.core.testing.NoteLayouts;
import dev.vmscope.core.testing.TestDumps;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Register notes decoded from built dumps whose registers hold the ASCII of their own names: a
 * register read from another register's offset would carry that register's name.
 */
class RegisterNotesTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private static CpuState state(Dump d, int cpu, String source) {
        return d.cpus().stream().filter(c -> c.cpu() == cpu && c.source().equals(source)).findFirst().orElseThrow();
    }

    private static long value(CpuState s, String name) {
        return s.register(name).orElseThrow(() -> new AssertionError("no " + name + " in " + s.source())).value();
    }

    /** Registers whose value is not the default fill of that name in the layout. */
    private static List<String> misplaced(CpuState s, NoteLayout layout, Set<String> given) {
        List<String> out = new ArrayList<>();
        for (Register r : s.registers()) {
            if (!given.contains(r.name()) && r.value() != layout.defaultValue(r.name(), LE)) {
                out.add(r.name() + " = 0x" + Long.toHexString(r.value()));
            }
        }
        return out;
    }

    @Test
    void x86_64PrstatusRegistersSitWhereTheKernelPutsThem() {
        try (Dump d = TestDumps.open("/dev/vmscope/core/notes/x86_64-registers.spec")) {
            CpuState cpu0 = state(d, 0, CpuState.PRSTATUS);
            Set<String> layoutNames = NoteLayouts.X86_64_PRSTATUS.slots().stream().filter(NoteLayout.Slot::register)
                    .map(NoteLayout.Slot::name).collect(Collectors.toSet());
            assertEquals(layoutNames, cpu0.registers().stream().map(Register::name).collect(Collectors.toSet()));
            assertEquals(List.of(), misplaced(cpu0, NoteLayouts.X86_64_PRSTATUS, Set.of()));
            assertEquals(0x706972L, value(cpu0, "rip"), "'rip' in little-endian ASCII");
            CpuState cpu1 = state(d, 1, CpuState.PRSTATUS);
            assertEquals(0xffffffff81000000L, value(cpu1, "rip"));
            assertEquals(0xffffc90000003f58L, value(cpu1, "rsp"));
            assertEquals(0x246, value(cpu1, "rflags"));
            assertEquals(List.of(), misplaced(cpu1, NoteLayouts.X86_64_PRSTATUS, Set.of("rip", "rsp", "rflags", "cs", "ss")));
        }
    }

    @Test
    void i386PrstatusRegistersSitWhereTheKernelPutsThem() {
        try (Dump d = TestDumps.open("/dev/vmscope/core/notes/i386-registers.spec")) {
            CpuState cpu0 = state(d, 0, CpuState.PRSTATUS);
            assertEquals(17, cpu0.registers().size());
            assertEquals(0xc1000000L, value(cpu0, "eip"));
            assertEquals(0xc1801f00L, value(cpu0, "esp"));
            assertEquals(List.of(), misplaced(cpu0, NoteLayouts.I386_PRSTATUS, Set.of("eip", "esp")));
            assertEquals(0x616c6665L, value(cpu0, "eflags"), "'efla': eflags cut to its 4 bytes");
        }
    }

    @Test
    void qemuCpuStateRegistersSitWhereQemuPutsThem() {
        try (Dump d = TestDumps.open("/dev/vmscope/core/notes/x86_64-registers.spec")) {
            CpuState cpu0 = state(d, 0, CpuState.QEMU);
            assertEquals(List.of(), misplaced(cpu0, NoteLayouts.QEMU_CPU_STATE, Set.of()));
            for (String name : List.of("rax", "r15", "rip", "rflags", "cs", "cs_base", "ss_limit", "gdt_base",
                    "idt_limit", "cr0", "cr3", "cr4", "kernel_gs_base")) {
                assertTrue(cpu0.register(name).isPresent(), name);
            }
            assertEquals(0x337263L, cpu0.pageTableRoot().orElseThrow(), "'cr3' in little-endian ASCII");
        }
    }

    @Test
    void olderQemuStateWithoutKernelGsBase() {
        try (Dump d = TestDumps.open("/dev/vmscope/core/notes/x86_64-registers.spec")) {
            CpuState cpu1 = state(d, 1, CpuState.QEMU);
            assertTrue(cpu1.register("kernel_gs_base").isEmpty());
            assertEquals(0x2b92000L, cpu1.pageTableRoot().orElseThrow());
            assertEquals(0x80050033L, value(cpu1, "cr0"));
            assertEquals(0x3506f0L, value(cpu1, "cr4"));
            assertEquals(List.of(), misplaced(cpu1, NoteLayouts.QEMU_CPU_STATE, Set.of("cr0", "cr3", "cr4")));
        }
    }

    @Test
    void xenCrashRegsGiveCr3() {
        try (Dump d = TestDumps.open("/dev/vmscope/core/notes/x86_64-registers.spec")) {
            CpuState xen = state(d, 0, CpuState.XEN_CRASH_REGS);
            assertEquals(0x3e4a000L, xen.pageTableRoot().orElseThrow());
            assertEquals(0xffffc900001b3000L, value(xen, "cr2"));
            assertEquals(2, d.cpuCount());
        }
    }

    @Test
    void notesKeepTheirOrderNamesAndSizes() {
        try (Dump d = TestDumps.open("/dev/vmscope/core/notes/x86_64-registers.spec")) {
            assertEquals(List.of("CORE 1 336", "CORE 1 336", "QEMU 0 440", "QEMU 0 432", "Xen 16777218 32"),
                    d.notes().stream().map(n -> n.name() + " " + n.type() + " " + n.size()).toList());
            assertEquals("NT_PRSTATUS", d.notes().getFirst().typeName());
        }
    }
}
