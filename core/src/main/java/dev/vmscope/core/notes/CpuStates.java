package dev.vmscope.core.notes;

import dev.vmscope.core.Architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes every note that carries registers into per-CPU states: {@code CORE/NT_PRSTATUS},
 * {@code QEMU} and Xen's {@code CRASH_REGS}; the n-th note of a kind belongs to CPU n.
 */
public final class CpuStates {
    private CpuStates() {
    }

    public static List<CpuState> decode(List<ElfNote> notes, Architecture arch) {
        List<CpuState> out = new ArrayList<>();
        int prstatus = 0;
        int qemu = 0;
        int xen = 0;
        RegisterTable prTable = RegisterTables.prstatus(arch);
        for (ElfNote note : notes) {
            byte[] d = note.descriptor();
            if (note.is(NoteTypes.CORE, NoteTypes.NT_PRSTATUS)) {
                out.add(new CpuState(prstatus++, CpuState.PRSTATUS, prTable.decode(d, arch.byteOrder())));
            } else if (note.is(NoteTypes.QEMU, 0) && isX86(arch)) {
                out.add(new CpuState(qemu++, CpuState.QEMU, RegisterTables.QEMU_X86.decode(
                        qemuPayload(d, arch), arch.byteOrder())));
            } else if (note.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_REGS)) {
                out.add(new CpuState(xen++, CpuState.XEN_CRASH_REGS,
                        RegisterTables.XEN_CRASH_REGS_X86_64.decode(d, arch.byteOrder())));
            }
        }
        return out;
    }

    /** Number of CPUs: the most notes of any one register-carrying kind. */
    public static int cpuCount(List<CpuState> states) {
        return (int) states.stream().mapToInt(CpuState::cpu).max().orElse(-1) + 1;
    }

    private static boolean isX86(Architecture arch) {
        return arch == Architecture.X86_64 || arch == Architecture.I386;
    }

    /** The descriptor cut to the size the state declares for itself (bytes 4..8), so appended fields are size-gated. */
    private static byte[] qemuPayload(byte[] d, Architecture arch) {
        if (d.length < 8) {
            return d;
        }
        long declared = dev.vmscope.core.io.Bytes.u32(d, 4, arch.byteOrder());
        if (declared > 0 && declared < d.length) {
            return java.util.Arrays.copyOf(d, (int) declared);
        }
        return d;
    }
}
