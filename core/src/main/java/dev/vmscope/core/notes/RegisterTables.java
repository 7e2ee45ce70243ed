package dev.vmscope.core.notes;

import dev.vmscope.core.Architecture;

import java.util.ArrayList;
import java.util.List;

import static dev.vmscope.core.notes.RegisterGroup.CONTROL;
import static dev.vmscope.core.notes.RegisterGroup.FLAGS;
import static dev.vmscope.core.notes.RegisterGroup.GENERAL;
import static dev.vmscope.core.notes.RegisterGroup.OTHER;
import static dev.vmscope.core.notes.RegisterGroup.POINTER;
import static dev.vmscope.core.notes.RegisterGroup.SEGMENT;

/**
 * Register layouts of the notes vmscope decodes, per architecture: the kernel's {@code elf_prstatus}
 * (register block at {@code pr_reg}), QEMU's {@code QEMUCPUState}, and Xen's {@code crash_xen_core_t}.
 */
public final class RegisterTables {

    /** x86-64 {@code elf_prstatus}: {@code pr_reg} at 112, 27 eight-byte registers in {@code user_regs_struct} order. */
    public static final RegisterTable X86_64_PRSTATUS = new RegisterTable("x86_64 NT_PRSTATUS",
            RegisterTable.consecutive(112, 8,
                    "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8",
                    "rax", "rcx", "rdx", "rsi", "rdi", OTHER, "orig_rax", POINTER, "rip", SEGMENT, "cs",
                    FLAGS, "rflags", POINTER, "rsp", SEGMENT, "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs"));

    /** i386 {@code elf_prstatus}: {@code pr_reg} at 72, 17 four-byte registers. */
    public static final RegisterTable I386_PRSTATUS = new RegisterTable("i386 NT_PRSTATUS",
            RegisterTable.consecutive(72, 4,
                    "ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", SEGMENT, "ds", "es", "fs", "gs",
                    OTHER, "orig_eax", POINTER, "eip", SEGMENT, "cs", FLAGS, "eflags", POINTER, "esp", SEGMENT, "ss"));

    /** AArch64 {@code elf_prstatus}: {@code pr_reg} at 112: x0–x29, lr (x30), sp, pc, pstate. */
    public static final RegisterTable AARCH64_PRSTATUS = new RegisterTable("aarch64 NT_PRSTATUS", aarch64());

    /** 32-bit ARM {@code elf_prstatus}: {@code pr_reg} at 72: r0–r15, cpsr, orig_r0. */
    public static final RegisterTable ARM_PRSTATUS = new RegisterTable("arm NT_PRSTATUS", arm());

    /**
     * QEMU's {@code QEMUCPUState} (x86, also written for i386 guests): version, size, 18 GPRs, rip,
     * rflags, ten segments of 24 bytes, CR0–CR4 at 392, kernel_gs_base at 432 (newer QEMU).
     */
    public static final RegisterTable QEMU_X86 = new RegisterTable("QEMUCPUState", qemuX86());

    /** Xen's {@code crash_xen_core_t}: cr0, cr2, cr3, cr4. */
    public static final RegisterTable XEN_CRASH_REGS_X86_64 = new RegisterTable("crash_xen_core_t",
            RegisterTable.consecutive(0, 8, CONTROL, "cr0", "cr2", "cr3", "cr4"));

    private RegisterTables() {
    }

    public static RegisterTable prstatus(Architecture arch) {
        return switch (arch) {
            case X86_64 -> X86_64_PRSTATUS;
            case I386 -> I386_PRSTATUS;
            case AARCH64 -> AARCH64_PRSTATUS;
            case ARM -> ARM_PRSTATUS;
        };
    }

    /** Offset of {@code pr_pid} in {@code elf_prstatus}. */
    public static int prstatusPidOffset(Architecture arch) {
        return arch.pointerSize() == 8 ? 32 : 24;
    }

    private static List<RegisterDef> aarch64() {
        List<Object> names = new ArrayList<>();
        for (int i = 0; i <= 29; i++) {
            names.add("x" + i);
        }
        names.add("lr"); // x30, the link register
        names.add(POINTER);
        names.add("sp");
        names.add("pc");
        names.add(FLAGS);
        names.add("pstate");
        return RegisterTable.consecutive(112, 8, names.toArray());
    }

    private static List<RegisterDef> arm() {
        List<Object> names = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            names.add("r" + i);
        }
        names.add(POINTER);
        names.add("r13");
        names.add("r14");
        names.add("r15");
        names.add(FLAGS);
        names.add("cpsr");
        names.add(OTHER);
        names.add("orig_r0");
        return RegisterTable.consecutive(72, 4, names.toArray());
    }

    private static List<RegisterDef> qemuX86() {
        List<RegisterDef> defs = new ArrayList<>(RegisterTable.consecutive(8, 8,
                GENERAL, "rax", "rbx", "rcx", "rdx", "rsi", "rdi", POINTER, "rsp", GENERAL, "rbp",
                "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", POINTER, "rip", FLAGS, "rflags"));
        String[] segments = {"cs", "ds", "es", "fs", "gs", "ss", "ldt", "tr", "gdt", "idt"};
        int at = 152;
        for (String s : segments) {
            boolean table = s.equals("gdt") || s.equals("idt");
            if (!table) {
                defs.add(new RegisterDef(s, at, 4, SEGMENT));
            }
            defs.add(new RegisterDef(s + "_limit", at + 4, 4, SEGMENT));
            defs.add(new RegisterDef(s + "_base", at + 16, 8, SEGMENT));
            at += 24;
        }
        defs.addAll(RegisterTable.consecutive(392, 8, CONTROL, "cr0", "cr1", "cr2", "cr3", "cr4",
                SEGMENT, "kernel_gs_base"));
        return defs;
    }
}
