package dev.vmscope.core.format.live;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.elf.ElfNotes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;
import elf4j.Logger;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The running kernel's VMCOREINFO note read from physical memory at the place
 * /sys/kernel/vmcoreinfo gives. The note is in the byte order of the live machine, which is this one.
 *
 * @param note   the note as found, its offset being its physical address
 * @param status how it was found, or why there is none, in words
 */
record SysfsVmcoreinfo(Optional<ElfNote> note, Optional<VmcoreInfo> info, String status) {
    private static final Logger LOG = Logger.instance();

    static SysfsVmcoreinfo read(MachineRoot root, Memory memory) {
        String file = root.describe(VmcoreinfoLocation.PATH);
        try {
            Optional<String> text = root.readText(VmcoreinfoLocation.PATH);
            if (text.isEmpty()) {
                return missing("no " + VmcoreinfoLocation.PATH + " (a kernel without CONFIG_CRASH_CORE does not say where it is)");
            }
            VmcoreinfoLocation at = VmcoreinfoLocation.parse(text.get(), file);
            byte[] bytes = memory.read(at.address(), (int) at.size());
            Optional<ElfNote> note = ElfNotes.parse(bytes, at.address(), ByteOrder.nativeOrder(), file).stream()
                    .filter(n -> n.name().equals(NoteTypes.VMCOREINFO))
                    .findFirst();
            if (note.isEmpty()) {
                return missing("no VMCOREINFO note at physical " + Hex.of(at.address()) + " where " + VmcoreinfoLocation.PATH + " points");
            }
            String origin = "VMCOREINFO note at physical " + Hex.of(at.address()) + " (from " + VmcoreinfoLocation.PATH + ")";
            return new SysfsVmcoreinfo(note, Optional.of(VmcoreInfo.parse(note.get().descriptor(), origin)), origin);
        } catch (IOException | DumpException e) {
            return missing("not readable from " + VmcoreinfoLocation.PATH + ": " + e.getMessage());
        }
    }

    private static SysfsVmcoreinfo missing(String why) {
        LOG.atInfo().log("live source without VMCOREINFO: {}", why);
        return new SysfsVmcoreinfo(Optional.empty(), Optional.empty(), why);
    }
}
