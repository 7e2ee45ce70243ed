package dev.vmscope.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.elf.ElfNotes;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.CpuStates;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.notes.VmcoreInfoScanner;
import dev.vmscope.core.notes.XenCrashInfo;
import dev.vmscope.core.xen.MachineImage;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Every note decoder over hostile notes: a note segment split into notes, each register-carrying note
 * (NT_PRSTATUS, QEMU CPU state, Xen CRASH_REGS) decoded for every architecture, VMCOREINFO text parsed
 * and asked for every key it names, Xen's crash_xen_info decoded and checked, and the VMCOREINFO scanner
 * over random memory. Only the project's own exceptions are allowed.
 */
class NoteFuzzTest {
    private static final String[] OWNERS = {NoteTypes.CORE, NoteTypes.QEMU, NoteTypes.XEN, "VMCOREINFO"};

    /** A note segment as a dump stores it, then every CPU state for each architecture. */
    @FuzzTest(maxDuration = "10s")
    void noteSegment(FuzzedDataProvider data) {
        ByteOrder order = data.consumeBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        List<ElfNote> notes;
        try {
            notes = ElfNotes.parse(data.consumeRemainingAsBytes(), 0x1000, order, "fuzz.dump");
        } catch (DumpException expected) {
            return;
        }
        decodeAll(notes);
    }

    /** Register notes with the owners and types that carry registers and descriptors of any size. */
    @FuzzTest(maxDuration = "10s")
    void registerNotes(FuzzedDataProvider data) {
        List<ElfNote> notes = new ArrayList<>();
        int count = data.consumeInt(1, 6);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            String owner = data.pickValue(OWNERS);
            long type = switch (data.consumeInt(0, 3)) {
                case 0 -> NoteTypes.NT_PRSTATUS;
                case 1 -> 0;
                case 2 -> NoteTypes.XEN_ELFNOTE_CRASH_REGS;
                default -> data.consumeInt() & 0xffffffffL;
            };
            notes.add(new ElfNote(owner, type, data.consumeBytes(data.consumeInt(0, 1024)), 0x1000L * i));
        }
        decodeAll(notes);
    }

    private static void decodeAll(List<ElfNote> notes) {
        for (Architecture arch : Architecture.values()) {
            try {
                List<CpuState> states = CpuStates.decode(notes, arch);
                CpuStates.cpuCount(states);
                states.forEach(CpuState::toString);
            } catch (DumpException expected) {
                // a note too short for its register table, reported as such
            }
        }
        for (ElfNote n : notes) {
            n.typeName();
            if (n.name().equals("VMCOREINFO")) {
                ask(VmcoreInfo.parse(n.descriptor(), "fuzz"));
            }
            for (int word : new int[] {4, 8}) {
                try {
                    XenCrashInfo x = XenCrashInfo.parse(n, word, ByteOrder.LITTLE_ENDIAN, "fuzz.dump");
                    x.version();
                    x.major();
                    x.minor();
                    x.tainted();
                    x.dom0FrameListList();
                    x.xenPhysStart();
                    XenCrashInfo.STRING_FIELDS.forEach(x::stringAddress);
                    x.toString();
                } catch (DumpException expected) {
                    // a size that is none of 8, 9 or 10 words
                }
            }
        }
    }

    /** VMCOREINFO as text and as a saved file (plain or with a note header), then every accessor on every key. */
    @FuzzTest(maxDuration = "10s")
    void vmcoreinfo(FuzzedDataProvider data) {
        boolean asFile = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            ask(asFile ? VmcoreInfo.fromFile(bytes, "fuzz") : VmcoreInfo.parse(bytes, "fuzz"));
        } catch (DumpException expected) {
            // a value the accessor cannot read, reported as such
        }
    }

    private static void ask(VmcoreInfo info) {
        info.osRelease();
        info.pageSize();
        info.kernelOffset();
        for (String key : info.entries().keySet()) {
            int open = key.indexOf('(');
            String name = open > 0 && key.endsWith(")") ? key.substring(open + 1, key.length() - 1) : key;
            info.symbol(name);
            info.number(name);
            info.size(name);
            info.offset(name);
            info.length(name);
            info.config(name);
            info.hex(key);
        }
    }

    /** The scanner over up to four pages of random memory at addresses of the fuzzer's choosing, both strategies. */
    @FuzzTest(maxDuration = "10s")
    void vmcoreinfoScanner(FuzzedDataProvider data) {
        MachineImage memory = new MachineImage(Space.PHYSICAL);
        int pages = data.consumeInt(1, 4);
        for (int i = 0; i < pages && data.remainingBytes() > 0; i++) {
            long at = data.consumeLong(0, 0xffff_ffffL) & ~0x3L;
            memory.put(at, data.consumeBytes(data.consumeInt(1, 8192)));
        }
        for (VmcoreInfoScanner.Strategy s : VmcoreInfoScanner.Strategy.values()) {
            try {
                VmcoreInfoScanner.scan(memory, s, "physical memory", Progress.NONE).ifPresent(f -> ask(f.info()));
            } catch (DumpException expected) {
                // the project's own report
            }
        }
    }
}
