package dev.vmscope.core.format.xccore;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.RegisterDef;
import dev.vmscope.core.notes.RegisterGroup;
import dev.vmscope.core.notes.RegisterTable;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static dev.vmscope.core.notes.RegisterGroup.CONTROL;
import static dev.vmscope.core.notes.RegisterGroup.FLAGS;
import static dev.vmscope.core.notes.RegisterGroup.GENERAL;
import static dev.vmscope.core.notes.RegisterGroup.OTHER;
import static dev.vmscope.core.notes.RegisterGroup.POINTER;
import static dev.vmscope.core.notes.RegisterGroup.SEGMENT;

/**
 * The {@code .xen_prstatus} section: one {@code vcpu_guest_context} per vCPU (Xen's
 * {@code public/arch-x86/xen.h}), in slots of {@code sizeof(vcpu_guest_context_any_t)}, holding the 64-bit
 * layout or, for a 32-bit guest, the compat one. {@code ctrlreg[3]} is the vCPU's CR3: for a PV guest a
 * machine address ({@code xen_pfn_to_cr3}), for an HVM guest a guest-physical one.
 */
final class XcCoreVcpus {
    /** The source word in {@code regs --json}. */
    static final String SOURCE = "XEN_VCPU_CONTEXT";
    /** x86-64: 512 bytes of FPU state, flags, cpu_user_regs (200 bytes), 256 trap_info of 16, ... */
    static final RegisterTable X86_64 = new RegisterTable("vcpu_guest_context (x86-64)", x86_64());
    static final int X86_64_SIZE = 5168;
    /** The compat layout of a 32-bit guest: cpu_user_regs of 68 bytes, 256 trap_info of 8, ... */
    static final RegisterTable X86_32 = new RegisterTable("vcpu_guest_context (x86-32)", x86_32());
    static final int X86_32_SIZE = 2800;

    private XcCoreVcpus() {
    }

    static List<CpuState> read(Storage s, ElfSection section, long vcpus, int guestWidth, ByteOrder order) {
        RegisterTable table = guestWidth == 4 ? X86_32 : X86_64;
        int needed = guestWidth == 4 ? X86_32_SIZE : X86_64_SIZE;
        long slot = vcpus == 0 ? 0 : section.size() / vcpus;
        if (vcpus <= 0 || vcpus > 4096 || slot < needed || slot * vcpus != section.size()) {
            throw new DumpFormatException(s.name(), section.headerOffset() + 32, "section .xen_prstatus: sh_size",
                    "xch_nr_vcpus " + vcpus + " contexts of at least " + needed + " bytes each, found " + Hex.of(section.size()) + " bytes");
        }
        List<CpuState> out = new ArrayList<>();
        for (int i = 0; i < vcpus; i++) {
            byte[] context = s.read(section.offset() + i * slot, needed);
            out.add(new CpuState(i, SOURCE, table.decode(context, order)));
        }
        return out;
    }

    private static List<RegisterDef> x86_64() {
        List<RegisterDef> d = new ArrayList<>();
        d.add(new RegisterDef("flags", 512, 8, OTHER));
        String[] gprs = {"r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi"};
        for (int i = 0; i < gprs.length; i++) {
            d.add(new RegisterDef(gprs[i], 520 + 8 * i, 8, GENERAL));
        }
        d.add(new RegisterDef("rip", 648, 8, POINTER));
        d.add(new RegisterDef("cs", 656, 2, SEGMENT));
        d.add(new RegisterDef("rflags", 664, 8, FLAGS));
        d.add(new RegisterDef("rsp", 672, 8, POINTER));
        String[] segments = {"ss", "es", "ds", "fs", "gs"};
        for (int i = 0; i < segments.length; i++) {
            d.add(new RegisterDef(segments[i], 680 + 8 * i, 2, SEGMENT));
        }
        d.add(new RegisterDef("kernel_ss", 4968, 8, SEGMENT));
        d.add(new RegisterDef("kernel_sp", 4976, 8, POINTER));
        control(d, 4984, 8);
        d.add(new RegisterDef("fs_base", 5144, 8, SEGMENT));
        d.add(new RegisterDef("gs_base_kernel", 5152, 8, SEGMENT));
        d.add(new RegisterDef("gs_base_user", 5160, 8, SEGMENT));
        return d;
    }

    private static List<RegisterDef> x86_32() {
        List<RegisterDef> d = new ArrayList<>();
        d.add(new RegisterDef("flags", 512, 4, OTHER));
        String[] gprs = {"ebx", "ecx", "edx", "esi", "edi", "ebp", "eax"};
        for (int i = 0; i < gprs.length; i++) {
            d.add(new RegisterDef(gprs[i], 516 + 4 * i, 4, GENERAL));
        }
        d.add(new RegisterDef("eip", 548, 4, POINTER));
        d.add(new RegisterDef("cs", 552, 2, SEGMENT));
        d.add(new RegisterDef("eflags", 556, 4, FLAGS));
        d.add(new RegisterDef("esp", 560, 4, POINTER));
        String[] segments = {"ss", "es", "ds", "fs", "gs"};
        for (int i = 0; i < segments.length; i++) {
            d.add(new RegisterDef(segments[i], 564 + 4 * i, 2, SEGMENT));
        }
        d.add(new RegisterDef("kernel_ss", 2708, 4, SEGMENT));
        d.add(new RegisterDef("kernel_sp", 2712, 4, POINTER));
        control(d, 2716, 4);
        return d;
    }

    /** {@code ctrlreg[0..4]}; on x86-64 Xen keeps the user page table in {@code ctrlreg[1]}. */
    private static void control(List<RegisterDef> d, int at, int width) {
        RegisterGroup c = CONTROL;
        d.add(new RegisterDef("cr0", at, width, c));
        d.add(new RegisterDef(width == 8 ? "user_cr3" : "cr1", at + width, width, c));
        d.add(new RegisterDef("cr2", at + 2 * width, width, c));
        d.add(new RegisterDef("cr3", at + 3 * width, width, c));
        d.add(new RegisterDef("cr4", at + 4 * width, width, c));
    }
}
