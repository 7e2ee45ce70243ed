package dev.vmscope.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notes of the teaching sample, as QEMU's {@code dump-guest-memory} writes them for a guest with
 * two CPUs: a PRSTATUS per CPU ({@code pr_pid} = CPU number + 1, as QEMU puts it), a QEMU CPU state per
 * CPU with the control registers, and the guest kernel's VMCOREINFO. CPU 0 idles in the kernel on
 * {@code init_top_pgt}; CPU 1 runs the process's loop in user mode on the process's page tables.
 * Every register has a plausible value (none is left to the name-filling default of test dumps).
 */
final class TeachingSampleNotes {
    private static final long KERNEL_CS = 0x10;
    private static final long KERNEL_SS = 0x18;
    private static final long USER_CS = 0x33;
    private static final long USER_SS = 0x2b;
    private static final long IDLE_RIP = TeachingSample.TEXT_VA + 0x102;
    private static final long IDLE_RSP = 0xffffffff8140bf28L;
    private static final long[] PER_CPU = {0xffff88807fa00000L, 0xffff88807fa40000L};

    private TeachingSampleNotes() {
    }

    static void add(DumpSpecBuilder b) {
        b.prstatus(prstatus(1, IDLE_RIP, IDLE_RSP, KERNEL_CS, KERNEL_SS, 0x246, 0, PER_CPU[0]));
        b.prstatus(prstatus(2, 0x400000, 0x401800, USER_CS, USER_SS, 0x202, 0, 0));
        b.qemu(qemu(IDLE_RIP, IDLE_RSP, 0x246, false, PER_CPU[0], 0, TeachingSample.INIT_TOP_PGT));
        b.qemu(qemu(0x400000, 0x401800, 0x202, true, 0, PER_CPU[1], TeachingSample.PROC_PML4));
        b.vmcoreinfo(
                "OSRELEASE=" + TeachingSample.RELEASE,
                "PAGESIZE=4096",
                "SYMBOL(_stext)=" + Long.toHexString(TeachingSample.TEXT_VA),
                "SYMBOL(swapper_pg_dir)=" + Long.toHexString(imageVa(TeachingSample.INIT_TOP_PGT)),
                "SYMBOL(init_top_pgt)=" + Long.toHexString(imageVa(TeachingSample.INIT_TOP_PGT)),
                "SYMBOL(mem_section)=ffff888000001000",
                "NUMBER(KERNEL_IMAGE_SIZE)=536870912",
                "NUMBER(phys_base)=" + TeachingSample.PHYS_BASE,
                "NUMBER(pgtable_l5_enabled)=0",
                "NUMBER(sme_mask)=0",
                "KERNELOFFSET=0");
    }

    /** The kernel-image virtual address of a physical address in the image: pa + __START_KERNEL_map - phys_base. */
    static long imageVa(long pa) {
        return pa + 0xffffffff80000000L - TeachingSample.PHYS_BASE;
    }

    private static Map<String, Long> zeroRegisters(NoteLayout layout) {
        Map<String, Long> m = new LinkedHashMap<>();
        layout.slots().stream().filter(NoteLayout.Slot::register).forEach(s -> m.put(s.name(), 0L));
        return m;
    }

    private static Map<String, Long> prstatus(int pid, long rip, long rsp, long cs, long ss, long rflags, long fsBase,
                                              long gsBase) {
        Map<String, Long> m = zeroRegisters(NoteLayouts.X86_64_PRSTATUS);
        m.putAll(Map.of("pid", (long) pid, "rip", rip, "rsp", rsp, "cs", cs, "ss", ss, "rflags", rflags,
                "fs_base", fsBase, "gs_base", gsBase, "orig_rax", -1L));
        return m;
    }

    private static Map<String, Long> qemu(long rip, long rsp, long rflags, boolean user, long gsBase, long kernelGsBase,
                                          long cr3) {
        Map<String, Long> m = zeroRegisters(NoteLayouts.QEMU_CPU_STATE);
        m.putAll(Map.of("rip", rip, "rsp", rsp, "rflags", rflags, "gs_base", gsBase, "kernel_gs_base", kernelGsBase,
                "cr0", 0x80050033L, "cr3", cr3, "cr4", 0x6f0L));
        segment(m, "cs", user ? USER_CS : KERNEL_CS, 0xffffffffL, user ? 0xa0fb00 : 0xa09b00);
        segment(m, "ss", user ? USER_SS : KERNEL_SS, 0xffffffffL, user ? 0xc0f300 : 0xc09300);
        segment(m, "tr", 0x40, 0x4087, 0x8b00);
        m.put("tr_base", 0xfffffe000003e000L);
        m.put("gdt_base", 0xfffffe000003c000L);
        m.put("gdt_limit", 0x7fL);
        m.put("idt_base", 0xfffffe0000000000L);
        m.put("idt_limit", 0xfffL);
        return m;
    }

    private static void segment(Map<String, Long> m, String name, long selector, long limit, long flags) {
        m.put(name, selector);
        m.put(name + "_limit", limit);
        m.put(name + "_flags", flags);
    }
}
