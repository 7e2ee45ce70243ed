package dev.vmscope.core.testing;

import static dev.vmscope.core.testing.X86Pte.A;
import static dev.vmscope.core.testing.X86Pte.D;
import static dev.vmscope.core.testing.X86Pte.KERNEL_DATA;
import static dev.vmscope.core.testing.X86Pte.KERNEL_RO;
import static dev.vmscope.core.testing.X86Pte.KERNEL_TABLE;
import static dev.vmscope.core.testing.X86Pte.KERNEL_TEXT;
import static dev.vmscope.core.testing.X86Pte.P;
import static dev.vmscope.core.testing.X86Pte.PS;
import static dev.vmscope.core.testing.X86Pte.RW;
import static dev.vmscope.core.testing.X86Pte.US;
import static dev.vmscope.core.testing.X86Pte.USER_TABLE;
import static dev.vmscope.core.testing.X86Pte.XD;

/**
 * The bundled teaching sample ({@code resources/samples/x86_64-teaching.vmcore}): a 2 GiB x86-64
 * machine in the shape of Linux 6.1, 4-level paging, kernel image at 0xffffffff81000000 loaded at
 * physical 0x2000000 ({@code phys_base} 0x1000000), direct map at 0xffff888000000000, and one process
 * whose page tables also map two user pages. Only tables and a handful of pages are file bytes; the
 * rest of RAM is PT_LOAD zero tails. {@code resources/samples/README.md} walks its addresses.
 */
public final class TeachingSample {
    /** Where the file lives in the source tree, from the project root. */
    public static final String PATH = "resources/samples/x86_64-teaching.vmcore";

    static final long PHYS_BASE = 0x1000000;
    static final long TEXT_VA = 0xffffffff81000000L;
    static final long TEXT = 0x2000000;
    /** Kernel read-only data and data: banner, then the kernel's page tables. */
    static final long BANNER = 0x2400000;
    static final long INIT_TOP_PGT = 0x2401000;
    static final long LEVEL3_KERNEL = 0x2402000;
    static final long LEVEL2_KERNEL = 0x2403000;
    static final long LEVEL1_KERNEL = 0x2404000;
    static final long DIRECT_PDPT = 0x2405000;
    static final long DIRECT_PD = 0x2406000;
    static final long DIRECT_PT = 0x2407000;
    /** The process: its PML4, PDPT, PD, PT, a code page and a data page. */
    static final long PROC_PML4 = 0x5000000;
    static final long USER_CODE = 0x5004000;
    static final long USER_DATA = 0x5005000;
    static final long RAM_END = 0x80000000L;
    static final long LOW_RAM_END = 0x9f000;
    static final String RELEASE = "6.1.0-vmscope-teaching-sample";
    static final String BANNER_TEXT = "Linux version " + RELEASE + " (vmscope teaching sample) #1 SMP PREEMPT_DYNAMIC\n\0";

    private TeachingSample() {
    }

    public static DumpSpec spec() {
        DumpSpecBuilder b = DumpSpec.builder().align(4096)
                .load(0x0, LOW_RAM_END, 0)                          // low RAM; 0x9f000-0xfffff is a hole
                .load(0x100000, TEXT - 0x100000, 0)
                .load(TEXT, BANNER - TEXT, 0x1000)                  // kernel text: its first page in the file
                .load(BANNER, PROC_PML4 - BANNER, 0x8000)           // rodata, data with the kernel's tables
                .load(PROC_PML4, RAM_END - PROC_PML4, 0x6000);      // the process's tables and pages
        kernelImage(b);
        directMap(b);
        process(b);
        TeachingSampleNotes.add(b);
        return b.build();
    }

    private static void entry(DumpSpecBuilder b, long table, int index, long value, String what) {
        b.u64(table + 8L * index, value, what);
    }

    private static void kernelImage(DumpSpecBuilder b) {
        entry(b, INIT_TOP_PGT, 511, LEVEL3_KERNEL | KERNEL_TABLE, "init_top_pgt[511] -> level3_kernel_pgt");
        entry(b, LEVEL3_KERNEL, 510, LEVEL2_KERNEL | KERNEL_TABLE, "level3_kernel_pgt[510] -> level2_kernel_pgt");
        entry(b, LEVEL2_KERNEL, 8, TEXT | KERNEL_TEXT | PS, "PD[8] 2 MiB of kernel text at 0x2000000");
        entry(b, LEVEL2_KERNEL, 9, TEXT + 0x200000 | KERNEL_TEXT | PS, "PD[9] 2 MiB of kernel text at 0x2200000");
        entry(b, LEVEL2_KERNEL, 10, LEVEL1_KERNEL | KERNEL_TABLE, "PD[10] -> PT of rodata and data");
        entry(b, LEVEL1_KERNEL, 0, BANNER | KERNEL_RO, "PT[0] rodata: linux_banner");
        for (int i = 1; i < 0x40; i++) {
            entry(b, LEVEL1_KERNEL, i, BANNER + 0x1000L * i | KERNEL_DATA, "PT[" + i + "] kernel data");
        }
        for (int i = 0x40; i < 512; i++) {
            // free_kernel_image_pages() clears P (and G) of freed __init pages; the frame stays
            entry(b, LEVEL1_KERNEL, i, BANNER + 0x1000L * i | KERNEL_DATA & ~P & ~X86Pte.G, "PT[" + i + "] freed init memory");
        }
        b.bytes(TEXT + 0x100, new byte[] {(byte) 0xfb, (byte) 0xf4, (byte) 0xeb, (byte) 0xfc}, "idle loop: sti; hlt; jmp -4");
        b.ascii(BANNER, BANNER_TEXT, "linux_banner");
    }

    private static void directMap(DumpSpecBuilder b) {
        entry(b, INIT_TOP_PGT, 273, DIRECT_PDPT | KERNEL_TABLE, "init_top_pgt[273] -> direct map PDPT");
        entry(b, DIRECT_PDPT, 0, DIRECT_PD | KERNEL_TABLE, "PDPT[0] -> PD of the first GiB");
        entry(b, DIRECT_PDPT, 1, (1L << 30) | KERNEL_DATA | PS, "PDPT[1] 1 GiB page at 0x40000000");
        entry(b, DIRECT_PD, 0, DIRECT_PT | KERNEL_TABLE, "PD[0] -> PT of the first 2 MiB");
        for (int i = 1; i < 512; i++) {
            entry(b, DIRECT_PD, i, (long) i << 21 | KERNEL_DATA | PS, "PD[" + i + "] 2 MiB page");
        }
        for (int i = 0; i < 512; i++) {
            long pa = (long) i << 12;
            boolean ram = pa < LOW_RAM_END || pa >= 0x100000;
            entry(b, DIRECT_PT, i, ram ? pa | KERNEL_DATA : 0, ram ? "PT[" + i + "] 4 KiB page" : "PT[" + i + "] hole");
        }
    }

    private static void process(DumpSpecBuilder b) {
        long pdpt = PROC_PML4 + 0x1000;
        long pd = PROC_PML4 + 0x2000;
        long pt = PROC_PML4 + 0x3000;
        entry(b, PROC_PML4, 0, pdpt | USER_TABLE, "process PML4[0] -> PDPT");
        entry(b, PROC_PML4, 273, DIRECT_PDPT | KERNEL_TABLE, "process PML4[273]: the kernel's direct map");
        entry(b, PROC_PML4, 511, LEVEL3_KERNEL | KERNEL_TABLE, "process PML4[511]: the kernel image");
        entry(b, pdpt, 0, pd | USER_TABLE, "process PDPT[0] -> PD");
        entry(b, pd, 2, pt | USER_TABLE, "process PD[2] -> PT (VA 0x400000)");
        entry(b, pt, 0, USER_CODE | P | US | A, "process PT[0] code page: user, read-only, executable");
        entry(b, pt, 1, USER_DATA | P | RW | US | A | D | XD, "process PT[1] data page: user, writable, NX");
        b.bytes(USER_CODE, new byte[] {(byte) 0xeb, (byte) 0xfe}, "user code: jmp $");
        b.ascii(USER_CODE + 0x10, "user code page of the sample's process: the loop at 0x400000 is eb fe, jmp to itself\0",
                "user code text");
        b.ascii(USER_DATA, "hello from user space: this page is writable, not executable, and only the process's page "
                + "tables map it at 0x401000 (the kernel sees it at 0xffff888005005000)\n\0", "user data");
    }
}
