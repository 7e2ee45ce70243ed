package dev.vmscope.core.format;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/**
 * Tells the architecture of a dump whose header does not (QEMU writes "Unknown" as the machine of
 * ARM kdumps): from the machine name, then the size of the PRSTATUS notes, then VMCOREINFO.
 */
public final class ArchitectureGuess {
    private ArchitectureGuess() {
    }

    public static Optional<Architecture> of(String machine, List<ElfNote> notes, Optional<VmcoreInfo> info) {
        return fromMachine(machine).or(() -> fromNotes(notes)).or(() -> info.flatMap(ArchitectureGuess::fromVmcoreInfo));
    }

    static Optional<Architecture> fromMachine(String machine) {
        String m = machine == null ? "" : machine.strip();
        if (m.equals("x86_64") || m.equals("amd64")) {
            return Optional.of(Architecture.X86_64);
        }
        if (m.matches("i[3-6]86")) {
            return Optional.of(Architecture.I386);
        }
        if (m.equals("aarch64") || m.equals("arm64")) {
            return Optional.of(Architecture.AARCH64);
        }
        if (m.startsWith("armv") || m.equals("arm")) {
            return Optional.of(Architecture.ARM);
        }
        return Optional.empty();
    }

    /** {@code elf_prstatus} sizes: 336 (x86-64), 144 (i386), 392 (aarch64), 148 (arm). */
    static Optional<Architecture> fromNotes(List<ElfNote> notes) {
        for (ElfNote n : notes) {
            if (n.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_REGS) || n.name().equals(NoteTypes.VMCOREINFO_XEN)) {
                return Optional.of(Architecture.X86_64);
            }
            if (n.is(NoteTypes.CORE, NoteTypes.NT_PRSTATUS)) {
                switch (n.size()) {
                    case 336: return Optional.of(Architecture.X86_64);
                    case 144: return Optional.of(Architecture.I386);
                    case 392: return Optional.of(Architecture.AARCH64);
                    case 148: return Optional.of(Architecture.ARM);
                    default: break;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Architecture> fromVmcoreInfo(VmcoreInfo info) {
        if (info.get("NUMBER(VA_BITS)").isPresent() || info.get("NUMBER(kimage_voffset)").isPresent()) {
            return Optional.of(Architecture.AARCH64);
        }
        if (info.symbol("init_top_pgt").isPresent() || info.get("NUMBER(pgtable_l5_enabled)").isPresent()) {
            return Optional.of(Architecture.X86_64);
        }
        if (info.get("CONFIG_X86_PAE").isPresent()) {
            return Optional.of(Architecture.I386);
        }
        if (info.get("CONFIG_ARM_LPAE").isPresent()) {
            return Optional.of(Architecture.ARM);
        }
        String release = info.osRelease().orElse("");
        if (release.endsWith("-amd64")) {
            return Optional.of(Architecture.X86_64);
        }
        if (release.endsWith("-686") || release.endsWith("-686-pae")) {
            return Optional.of(Architecture.I386);
        }
        if (release.endsWith("-arm64")) {
            return Optional.of(Architecture.AARCH64);
        }
        if (release.endsWith("-armmp") || release.endsWith("-armmp-lpae")) {
            return Optional.of(Architecture.ARM);
        }
        return Optional.empty();
    }
}
