package dev.vmscope.core.corpus;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.XenCrashInfo;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Xen host kdump (kexec layout, machine addresses) against the notes decoded in the corpus and
 * libkdumpfile's dom0 translations: dom0's PV page tables hold machine frames, so a walk in machine
 * space from dom0's machine CR3 ends at the machine address.
 */
class XenHostKdumpTest {
    private static final String SET = "xen";
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open(Corpus.dump(SET, "x1-xen-kdump.vmcore"), OpenOptions.DEFAULT.withRoot(0x12a10000L));
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void memoryIsMachineMemoryWithTheKdumpAreaLeftOut() {
        assertEquals(Space.MACHINE, session.memory().space());
        assertTrue(session.memory().isReadable(0x100000, 0x1000));
        assertTrue(!session.memory().isReadable(0x1df6b000L, 1), "the crash kernel's own area is not in the dump");
    }

    @Test
    void crashRegsGiveEachCpusCr3() throws IOException {
        List<Long> truth = new ArrayList<>();
        Matcher m = Pattern.compile("cr3 = (0x[0-9a-f]+)").matcher(
                Files.readString(Corpus.file(SET, "truth/analysis/x1-vmcore.notes-decoded.txt")));
        while (m.find()) {
            truth.add(Hex.parse(m.group(1)));
        }
        List<Long> ours = session.dump().cpus().stream().filter(c -> c.source().equals(CpuState.XEN_CRASH_REGS))
                .map(c -> c.register("cr3").orElseThrow().value()).toList();
        assertEquals(truth, ours);
        assertEquals(2, session.dump().cpuCount());
    }

    @Test
    void crashInfoGivesPhysStartAndFrameListList() {
        ElfNote note = session.dump().notes().stream()
                .filter(n -> n.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO)).findFirst().orElseThrow();
        XenCrashInfo info = XenCrashInfo.decode(note.descriptor(), 8, ByteOrder.LITTLE_ENDIAN);
        assertEquals(10, info.words().size());
        assertEquals(4, info.major());
        assertEquals(0x11, info.minor());
        assertEquals(0x2f800000L, info.xenPhysStart().orElseThrow());
        assertEquals(0x2ebd6L, info.dom0FrameListList().orElseThrow());
    }

    @Test
    void dom0KernelAddressesWalkToTheirMachineAddresses() throws IOException {
        Pattern row = Pattern.compile("^([0-9a-f]{16}) (\\S+)\\s+kphys=([0-9a-f]+) mach=([0-9a-f]+) rdKV=([0-9a-f]+)");
        int checked = 0;
        for (String line : Files.readAllLines(Corpus.file(SET, "truth/analysis/kdf-dom0-xlat.x1-vmcore.txt"))) {
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            long va = Long.parseUnsignedLong(m.group(1), 16);
            long machine = Long.parseUnsignedLong(m.group(4), 16);
            var t = session.translate(va);
            assertEquals(Hex.of(machine), t.mapping().map(x -> Hex.of(x.address())).orElse("unmapped"), m.group(2));
            long value = dev.vmscope.core.io.Bytes.u64(session.read(Space.MACHINE, machine, 8), 0, ByteOrder.LITTLE_ENDIAN);
            assertEquals(m.group(5), String.format("%016x", value), m.group(2) + " bytes");
            checked++;
        }
        assertTrue(checked >= 100, "rows checked: " + checked);
    }
}
