package dev.vmscope.core.notes;

import dev.vmscope.core.Architecture;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.vmscope.core.notes.FlagField.Radix;
import static dev.vmscope.core.notes.FlagField.bit;
import static dev.vmscope.core.notes.FlagField.named;
import static dev.vmscope.core.notes.FlagField.number;

/**
 * The flags and control registers vmscope decodes bit by bit, as tables from the architecture manuals: x86
 * RFLAGS/EFLAGS, CR0 and CR4, the AArch64 PSTATE as an exception saves it, and the 32-bit ARM CPSR. The
 * registers pane and the command line render these tables; nothing else knows a bit position.
 */
public final class FlagRegisters {

    /** Intel SDM vol. 1, 3.4.3 (Figure 3-8): status, control and system flags; bit 1 always reads as one. */
    public static final FlagRegister RFLAGS = x86Flags("rflags");

    /** The same flags in the 32-bit EFLAGS register. */
    public static final FlagRegister EFLAGS = x86Flags("eflags");

    /** Intel SDM vol. 3A, 2.5 (Figure 2-7). */
    public static final FlagRegister CR0 = new FlagRegister("cr0", List.of(
            bit(0, "PE", "protection enable: protected mode"),
            bit(1, "MP", "monitor coprocessor: WAIT/FWAIT honours TS"),
            bit(2, "EM", "emulation: no x87 FPU, its instructions fault"),
            bit(3, "TS", "task switched: the next x87/SSE instruction faults (lazy FPU switch)"),
            bit(4, "ET", "extension type: 387 coprocessor (always 1 since the i486)"),
            bit(5, "NE", "numeric error: x87 errors are reported natively (#MF)"),
            bit(16, "WP", "write protect: supervisor writes honour read-only pages"),
            bit(18, "AM", "alignment mask: RFLAGS.AC enables alignment checking"),
            bit(29, "NW", "not write-through"),
            bit(30, "CD", "cache disable"),
            bit(31, "PG", "paging enabled")), 0, "Intel SDM vol. 3A, 2.5");

    /** Intel SDM vol. 3A, 2.5 (Figure 2-7), with the later LASS, LAM and FRED bits. */
    public static final FlagRegister CR4 = new FlagRegister("cr4", List.of(
            bit(0, "VME", "virtual-8086 mode extensions"),
            bit(1, "PVI", "protected-mode virtual interrupts"),
            bit(2, "TSD", "time stamp disable: RDTSC only at CPL 0"),
            bit(3, "DE", "debugging extensions: DR4/DR5 fault, I/O breakpoints"),
            bit(4, "PSE", "page size extensions: 4 MiB pages in 32-bit paging"),
            bit(5, "PAE", "physical address extension: 64-bit page-table entries"),
            bit(6, "MCE", "machine-check enable"),
            bit(7, "PGE", "page global enable: global TLB entries survive CR3 writes"),
            bit(8, "PCE", "performance-monitoring counter enable: RDPMC at any CPL"),
            bit(9, "OSFXSR", "the OS supports FXSAVE/FXRSTOR (SSE enabled)"),
            bit(10, "OSXMMEXCPT", "the OS handles unmasked SIMD floating-point exceptions"),
            bit(11, "UMIP", "user-mode instruction prevention: SGDT, SIDT, SLDT, SMSW, STR fault at CPL > 0"),
            bit(12, "LA57", "57-bit linear addresses: 5-level paging"),
            bit(13, "VMXE", "VMX enable"),
            bit(14, "SMXE", "SMX enable"),
            bit(16, "FSGSBASE", "RDFSBASE/WRFSBASE/RDGSBASE/WRGSBASE enabled"),
            bit(17, "PCIDE", "process-context identifiers: CR3 bits 11:0 are a PCID"),
            bit(18, "OSXSAVE", "XSAVE and processor extended states enabled"),
            bit(19, "KL", "Key Locker enabled"),
            bit(20, "SMEP", "supervisor-mode execution prevention: the kernel cannot execute user pages"),
            bit(21, "SMAP", "supervisor-mode access prevention: the kernel cannot touch user pages unless RFLAGS.AC"),
            bit(22, "PKE", "protection keys for user pages"),
            bit(23, "CET", "control-flow enforcement technology"),
            bit(24, "PKS", "protection keys for supervisor pages"),
            bit(25, "UINTR", "user interrupts"),
            bit(27, "LASS", "linear-address space separation"),
            bit(28, "LAM_SUP", "linear-address masking for supervisor pointers"),
            bit(32, "FRED", "flexible return and event delivery")), 0, "Intel SDM vol. 3A, 2.5");

    /**
     * PSTATE as an exception from AArch64 saves it in SPSR_ELx (Linux keeps it as {@code pstate}; Arm ARM
     * C5.2, SPSR_EL1): M[4:0] names the exception level and stack pointer (EL1h: EL1 on SP_EL1), or, with
     * M[4] set, the AArch32 mode of a 32-bit task.
     */
    public static final FlagRegister PSTATE = new FlagRegister("pstate", List.of(
            named(4, 0, "M", "M[4:0]: execution state, exception level and stack pointer (t: SP_EL0, h: SP_ELx)", Map.ofEntries(
                    Map.entry(0b00000L, "EL0t"), Map.entry(0b00100L, "EL1t"), Map.entry(0b00101L, "EL1h"),
                    Map.entry(0b01000L, "EL2t"), Map.entry(0b01001L, "EL2h"), Map.entry(0b01100L, "EL3t"),
                    Map.entry(0b01101L, "EL3h"), Map.entry(0b10000L, "usr"), Map.entry(0b10001L, "fiq"),
                    Map.entry(0b10010L, "irq"), Map.entry(0b10011L, "svc"), Map.entry(0b10110L, "mon"),
                    Map.entry(0b10111L, "abt"), Map.entry(0b11010L, "hyp"), Map.entry(0b11011L, "und"),
                    Map.entry(0b11111L, "sys"))),
            bit(5, "T", "T32 (Thumb) state of a 32-bit task; RES0 when the exception came from AArch64"),
            bit(6, "F", "FIQ interrupts masked"),
            bit(7, "I", "IRQ interrupts masked"),
            bit(8, "A", "SError interrupts masked"),
            bit(9, "D", "debug exceptions masked"),
            number(11, 10, "BTYPE", "branch type of the last indirect branch (BTI)", Radix.BINARY),
            bit(12, "SSBS", "speculative store bypass safe"),
            bit(13, "ALLINT", "all interrupts masked (FEAT_NMI)"),
            bit(20, "IL", "illegal execution state"),
            bit(21, "SS", "software step"),
            bit(22, "PAN", "privileged access never: the kernel cannot touch EL0-accessible memory"),
            bit(23, "UAO", "user access override: unprivileged loads and stores act as privileged"),
            bit(24, "DIT", "data-independent timing"),
            bit(25, "TCO", "tag check override (MTE)"),
            bit(28, "V", "overflow"),
            bit(29, "C", "carry"),
            bit(30, "Z", "zero"),
            bit(31, "N", "negative")), 0, "Arm ARM C5.2 (SPSR_EL1)");

    /** ARMv7-A ARM B1.3.3 (the CPSR and SPSR format), with the ARMv8 AArch32 DIT, PAN and SSBS bits. */
    public static final FlagRegister CPSR = new FlagRegister("cpsr", List.of(
            named(4, 0, "M", "M[4:0]: processor mode", Map.of(
                    0b10000L, "usr", 0b10001L, "fiq", 0b10010L, "irq", 0b10011L, "svc", 0b10110L, "mon",
                    0b10111L, "abt", 0b11010L, "hyp", 0b11011L, "und", 0b11111L, "sys")),
            bit(5, "T", "Thumb state"),
            bit(6, "F", "FIQ interrupts masked"),
            bit(7, "I", "IRQ interrupts masked"),
            bit(8, "A", "asynchronous aborts masked"),
            bit(9, "E", "big-endian data accesses"),
            new FlagField("IT", List.of(new FlagField.Bits(15, 10), new FlagField.Bits(26, 25)),
                    "IT[7:0]: If-Then block state of Thumb code (IT[7:2] in bits 15:10, IT[1:0] in bits 26:25)",
                    Map.of(), Radix.HEX),
            number(19, 16, "GE", "greater-than-or-equal flags of the SIMD instructions, one per byte", Radix.BINARY),
            bit(21, "DIT", "data-independent timing"),
            bit(22, "PAN", "privileged access never"),
            bit(23, "SSBS", "speculative store bypass safe"),
            bit(24, "J", "Jazelle state"),
            bit(27, "Q", "cumulative saturation"),
            bit(28, "V", "overflow"),
            bit(29, "C", "carry"),
            bit(30, "Z", "zero"),
            bit(31, "N", "negative")), 0, "ARMv7-A ARM B1.3.3");

    private FlagRegisters() {
    }

    private static FlagRegister x86Flags(String name) {
        return new FlagRegister(name, List.of(
                bit(0, "CF", "carry"),
                bit(2, "PF", "parity: the low byte of the result has an even number of ones"),
                bit(4, "AF", "auxiliary carry out of bit 3 (BCD)"),
                bit(6, "ZF", "zero"),
                bit(7, "SF", "sign"),
                bit(8, "TF", "trap: single-step"),
                bit(9, "IF", "interrupts enabled"),
                bit(10, "DF", "direction: string instructions count down"),
                bit(11, "OF", "overflow"),
                number(13, 12, "IOPL", "I/O privilege level", Radix.DECIMAL),
                bit(14, "NT", "nested task"),
                bit(16, "RF", "resume: the next instruction's breakpoint does not fire"),
                bit(17, "VM", "virtual-8086 mode"),
                bit(18, "AC", "alignment check (user mode), or user-page access allowed under SMAP"),
                bit(19, "VIF", "virtual interrupt flag"),
                bit(20, "VIP", "virtual interrupt pending"),
                bit(21, "ID", "the CPUID instruction is available")), 1L << 1, "Intel SDM vol. 1, 3.4.3");
    }

    /**
     * The table for one register of an architecture, by its name in vmscope's register tables
     * ({@code rflags}, {@code eflags}, {@code cr0}, {@code cr4}, {@code pstate}, {@code cpsr}).
     */
    public static Optional<FlagRegister> of(Architecture arch, String register) {
        FlagRegister r = switch (arch) {
            case X86_64, I386 -> switch (register) {
                case "rflags" -> RFLAGS;
                case "eflags" -> EFLAGS;
                case "cr0" -> CR0;
                case "cr4" -> CR4;
                default -> null;
            };
            case AARCH64 -> register.equals("pstate") ? PSTATE : null;
            case ARM -> register.equals("cpsr") ? CPSR : null;
        };
        return Optional.ofNullable(r);
    }
}
