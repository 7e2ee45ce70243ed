package dev.vmscope.core.xen;

import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.NoteTypes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Xen host kdump built at test time: machine memory holding Xen's version strings, dom0's p2m tree
 * (frame-list-list at mfn 0x100) and a tiny dom0 kernel whose page tables hold machine frames.
 * dom0's pfns 0-15 are mfns 0x200-0x20f, except pfn 9 (the kernel "text" page) which is mfn 0x300;
 * pfns 16-511 are invalid. The kernel image is at {@code 0xffffffff80000000} with phys_base 0:
 * init_top_pgt at pfn 2, its PDPT, PD and PT at pfns 3, 4 and 5, init_uts_ns at pfn 7, the
 * VMCOREINFO note at the start of pfn 8.
 */
public final class BuiltXenHost {
    public static final long KERNEL = 0xffffffff80000000L;
    public static final long TEXT_VA = KERNEL + 0x9000;
    public static final long UTS_VA = KERNEL + 0x7000;
    public static final long ROOT_MACHINE = 0x202000;
    public static final String RELEASE = "9.9.9-xen-test";
    public static final String VMCOREINFO = "OSRELEASE=" + RELEASE + "\nPAGESIZE=4096\nSYMBOL(init_uts_ns)=ffffffff80007000\n"
            + "OFFSET(uts_namespace.name)=0\nSYMBOL(init_top_pgt)=ffffffff80002000\nNUMBER(phys_base)=0\nKERNELOFFSET=0\n";

    private BuiltXenHost() {
    }

    public static MachineImage memory(boolean withVmcoreInfo) {
        MachineImage m = MachineImage.parse(Space.MACHINE, """
                # Xen's strings
                0x3f0000: ".9"
                0x3f0010: "abc"
                0x3f0020: "gcc"
                0x3f0030: "today"
                0x3f0040: "12:00"
                # dom0's p2m tree
                0x100000: 0x101
                0x100008..0x101000: fill 0x102
                0x101000: 0x110
                0x101008..0x102000: fill 0x1ff
                0x102000..0x103000: fill 0x1ff
                0x1ff000..0x200000: fill 0xffffffffffffffff
                0x110000: 0x200 0x201 0x202 0x203 0x204 0x205 0x206 0x207 0x208 0x300 0x20a 0x20b 0x20c 0x20d 0x20e 0x20f
                0x110080..0x111000: fill 0xffffffffffffffff
                # dom0's pages
                0x200000..0x210000: ram
                0x300000: "XEN-PV-TEXT"
                """);
        m.put(0x207000 + 130, (RELEASE + "\0").getBytes(StandardCharsets.ISO_8859_1));
        if (withVmcoreInfo) {
            m.put(0x208000, vmcoreinfoNote(VMCOREINFO));
        }
        new X86Tables(m, ROOT_MACHINE, 0x203000).map(TEXT_VA, 0x300000).map(UTS_VA, 0x207000).map(KERNEL + 0x2000, 0x202000);
        return m;
    }

    public static byte[] vmcoreinfoNote(String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(24 + t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(11).putInt(t.length).putInt(0).put("VMCOREINFO\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(t);
        return b.array();
    }

    /** The dump with a crash note of {@code words} words (8, 9 or 10) and one CPU whose CR3 is dom0's root. */
    public static byte[] elf(int words, boolean withVmcoreInfo) {
        long[] all = {4, 18, 0x3f0000, 0x3f0010, 0x3f0020, 0x3f0030, 0x3f0040, 0, 0x3c00000, 0x100};
        long[] w = java.util.Arrays.copyOf(all, words);
        if (words == 9) {
            w[8] = 0x100;
        }
        return ElfWriter.core(List.of(
                new ElfWriter.Note(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_REGS, ElfWriter.words(0x80050033L, 0, ROOT_MACHINE, 0x2660)),
                new ElfWriter.Note(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO, ElfWriter.words(w))),
                memory(withVmcoreInfo).segments());
    }
}
