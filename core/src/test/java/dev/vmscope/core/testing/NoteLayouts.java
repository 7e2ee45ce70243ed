package dev.vmscope.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The note structures test dumps carry, written down from their producers' definitions (not from the
 * reader under test): the kernel's {@code struct elf_prstatus} for x86-64 and i386
 * ({@code include/linux/elfcore.h} with each architecture's {@code user_regs_struct}), and QEMU's
 * {@code QEMUCPUState} ({@code target/i386/arch_dump.c}).
 */
public final class NoteLayouts {

    /**
     * x86-64 {@code elf_prstatus}, 336 bytes: {@code pr_info} (signo, code, errno) at 0, {@code pr_cursig}
     * at 12, {@code pr_sigpend}/{@code pr_sighold} at 16/24, pid, ppid, pgrp, sid at 32–44, four
     * {@code timeval}s at 48, {@code pr_reg} at 112 (27 × 8), {@code pr_fpvalid} at 328.
     */
    public static final NoteLayout X86_64_PRSTATUS = prstatus("x86_64 elf_prstatus", 336, 8, 32, 112,
            List.of("r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx",
                    "rsi", "rdi", "orig_rax", "rip", "cs", "rflags", "rsp", "ss", "fs_base", "gs_base",
                    "ds", "es", "fs", "gs"));

    /**
     * i386 {@code elf_prstatus}, 144 bytes: {@code pr_sigpend}/{@code pr_sighold} at 16/20, pid, ppid,
     * pgrp, sid at 24–36, four {@code timeval}s at 40, {@code pr_reg} at 72 (17 × 4), {@code pr_fpvalid} at 140.
     */
    public static final NoteLayout I386_PRSTATUS = prstatus("i386 elf_prstatus", 144, 4, 24, 72,
            List.of("ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", "ds", "es", "fs", "gs", "orig_eax",
                    "eip", "cs", "eflags", "esp", "ss"));

    /**
     * QEMU's {@code QEMUCPUState} version 1, 440 bytes: version and size words, 16 GPRs, rip, rflags
     * from 8, ten {@code QEMUCPUSegment}s of 24 bytes (selector, limit, flags, pad, base) from 152,
     * {@code cr[0..4]} from 392, {@code kernel_gs_base} at 432.
     */
    public static final NoteLayout QEMU_CPU_STATE = qemu();

    private NoteLayouts() {
    }

    /** The PRSTATUS layout of an ELF machine. */
    public static NoteLayout prstatus(int machine) {
        return switch (machine) {
            case DumpSpec.EM_X86_64 -> X86_64_PRSTATUS;
            case DumpSpec.EM_386 -> I386_PRSTATUS;
            default -> throw new IllegalArgumentException("test dumps carry NT_PRSTATUS for x86_64 and i386 only, not machine "
                    + machine);
        };
    }

    private static NoteLayout prstatus(String title, int size, int word, int pidOffset, int regOffset,
                                       List<String> registers) {
        List<NoteLayout.Slot> s = new ArrayList<>();
        s.add(new NoteLayout.Slot("signo", 0, 4, false));
        s.add(new NoteLayout.Slot("cursig", 12, 2, false));
        String[] ids = {"pid", "ppid", "pgrp", "sid"};
        for (int i = 0; i < ids.length; i++) {
            s.add(new NoteLayout.Slot(ids[i], pidOffset + 4 * i, 4, false));
        }
        for (int i = 0; i < registers.size(); i++) {
            s.add(new NoteLayout.Slot(registers.get(i), regOffset + word * i, word, true));
        }
        s.add(new NoteLayout.Slot("fpvalid", regOffset + word * registers.size(), 4, false));
        return new NoteLayout(title, size, s);
    }

    private static NoteLayout qemu() {
        List<NoteLayout.Slot> s = new ArrayList<>();
        s.add(new NoteLayout.Slot("version", 0, 4, false));
        s.add(new NoteLayout.Slot("size", 4, 4, false));
        String[] gprs = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rsp", "rbp", "r8", "r9", "r10", "r11",
                "r12", "r13", "r14", "r15", "rip", "rflags"};
        for (int i = 0; i < gprs.length; i++) {
            s.add(new NoteLayout.Slot(gprs[i], 8 + 8 * i, 8, true));
        }
        String[] segments = {"cs", "ds", "es", "fs", "gs", "ss", "ldt", "tr", "gdt", "idt"};
        for (int i = 0; i < segments.length; i++) {
            int at = 152 + 24 * i;
            s.add(new NoteLayout.Slot(segments[i], at, 4, true));
            s.add(new NoteLayout.Slot(segments[i] + "_limit", at + 4, 4, true));
            s.add(new NoteLayout.Slot(segments[i] + "_flags", at + 8, 4, true));
            s.add(new NoteLayout.Slot(segments[i] + "_base", at + 16, 8, true));
        }
        for (int i = 0; i < 5; i++) {
            s.add(new NoteLayout.Slot("cr" + i, 392 + 8 * i, 8, true));
        }
        s.add(new NoteLayout.Slot("kernel_gs_base", 432, 8, true));
        return new NoteLayout("QEMUCPUState", 440, s);
    }
}
