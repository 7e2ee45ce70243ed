package dev.vmscope.core.xen;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.notes.XenCrashInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Xen host dump's notes say about the hypervisor: {@code crash_xen_info_t} and the strings it
 * points to, Xen's own VMCOREINFO ({@code VMCOREINFO_XEN}: symbols, sizes, offsets), the obsolete
 * dom0 CR3 notes of old linux-xen kernels, and which Xen notes the dump has. The per-CPU
 * {@code CRASH_REGS} are decoded with the other registers ({@code CpuState.XEN_CRASH_REGS}).
 *
 * @param notesFound each Xen note type present, with its count ({@code "XEN_ELFNOTE_CRASH_REGS x2"})
 * @param obsoleteDom0Cr3 dom0's CR3 from one-word {@code NT_XEN_KDUMP_CR3} notes (old linux-xen kdump), machine addresses
 * @param obsoleteFrameListList the last word of a longer {@code NT_XEN_KDUMP_CR3} note, which such kernels
 *                              used to carry dom0's frame-list-list before {@code crash_xen_info_t} did
 */
public record XenFacts(Optional<XenCrashInfo> crashInfo, List<XenString> strings, Optional<VmcoreInfo> vmcoreinfoXen,
                       List<Address> obsoleteDom0Cr3, OptionalLong obsoleteFrameListList, List<String> notesFound) {

    public XenFacts {
        strings = List.copyOf(strings);
        obsoleteDom0Cr3 = List.copyOf(obsoleteDom0Cr3);
        notesFound = List.copyOf(notesFound);
    }

    /**
     * Whether the notes are those of a Xen host's crash: {@code crash_xen_info_t}, {@code CRASH_REGS}, the
     * obsolete CR3 note or {@code VMCOREINFO_XEN} (not the {@code Xen} notes of an {@code xl dump-core} file).
     */
    public static boolean isXenHost(List<ElfNote> notes) {
        return notes.stream().anyMatch(n -> n.name().equals(NoteTypes.VMCOREINFO_XEN) || n.type() == NoteTypes.NT_XEN_KDUMP_CR3
                || n.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO) || n.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_REGS));
    }

    /**
     * Reads the facts from the notes, and the version strings from machine memory.
     *
     * @throws dev.vmscope.core.DumpFormatException when {@code crash_xen_info_t} has none of its sizes
     */
    public static Optional<XenFacts> of(List<ElfNote> notes, Memory machine, Architecture arch, String file) {
        if (!isXenHost(notes)) {
            return Optional.empty();
        }
        int word = arch.pointerSize();
        Optional<XenCrashInfo> info = notes.stream().filter(n -> n.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO)).findFirst()
                .map(n -> XenCrashInfo.parse(n, word, arch.byteOrder(), file));
        List<XenString> strings = new ArrayList<>();
        info.ifPresent(i -> XenCrashInfo.STRING_FIELDS.forEach(f -> strings.add(XenString.read(machine, f, i.stringAddress(f)))));
        Optional<VmcoreInfo> xenInfo = notes.stream().filter(n -> n.name().equals(NoteTypes.VMCOREINFO_XEN)).findFirst()
                .map(n -> VmcoreInfo.parse(n.descriptor(), "ELF note VMCOREINFO_XEN at offset " + Hex.of(n.fileOffset())));
        List<Address> cr3 = new ArrayList<>();
        OptionalLong oldList = OptionalLong.empty();
        for (ElfNote n : notes) {
            if (n.type() == NoteTypes.NT_XEN_KDUMP_CR3 && n.size() >= word) {
                byte[] d = n.descriptor();
                long last = Bytes.unsigned(d, (d.length / word - 1) * word, word, arch.byteOrder());
                if (d.length / word == 1) {
                    cr3.add(Address.machine(last));
                } else if (oldList.isEmpty()) {
                    oldList = OptionalLong.of(last);
                }
            }
        }
        return Optional.of(new XenFacts(info, strings, xenInfo, cr3, oldList, found(notes)));
    }

    private static List<String> found(List<ElfNote> notes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ElfNote n : notes) {
            if (n.name().equals(NoteTypes.XEN) || n.name().equals(NoteTypes.VMCOREINFO_XEN) || n.type() == NoteTypes.NT_XEN_KDUMP_CR3) {
                counts.merge(n.name().equals(NoteTypes.VMCOREINFO_XEN) ? NoteTypes.VMCOREINFO_XEN : n.typeName(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(v == 1 ? k : k + " x" + v));
        return out;
    }

    /** {@code major.minor}, e.g. {@code 4.17}, when the crash note is there. */
    public Optional<String> version() {
        return crashInfo.map(i -> i.major() + "." + i.minor());
    }

    /** The version with its extra version appended, e.g. {@code 4.17.7}. */
    public Optional<String> fullVersion() {
        return version().map(v -> v + string("xen_extra_version").flatMap(XenString::text).orElse(""));
    }

    public Optional<XenString> string(String field) {
        return strings.stream().filter(s -> s.field().equals(field)).findFirst();
    }

    /** Where Xen's image was loaded ({@code xen_phys_start}), from the 10-word crash note. */
    public Optional<Address> physStart() {
        return crashInfo.flatMap(i -> box(i.xenPhysStart())).map(Address::machine);
    }

    /**
     * dom0's {@code pfn_to_mfn_frame_list_list}: a machine frame number (~0 when dom0 keeps a linear p2m),
     * from the crash note or, for old kernels, the obsolete CR3 note.
     */
    public OptionalLong frameListList() {
        OptionalLong fromInfo = crashInfo.map(XenCrashInfo::dom0FrameListList).orElse(OptionalLong.empty());
        return fromInfo.isPresent() ? fromInfo : obsoleteFrameListList;
    }

    /** A symbol of Xen's VMCOREINFO, a Xen virtual address. */
    public OptionalLong symbol(String name) {
        return vmcoreinfoXen.map(i -> i.symbol(name)).orElse(OptionalLong.empty());
    }

    private static Optional<Long> box(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
