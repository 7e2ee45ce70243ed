package dev.vmscope.core.corpus;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.xen.XenCorpus;
import dev.vmscope.core.xen.XenFacts;
import dev.vmscope.core.xen.XenHost;
import dev.vmscope.core.xen.XenHypervisor;
import dev.vmscope.core.xen.XenRegion;
import dev.vmscope.core.xen.XenString;
import dev.vmscope.core.xen.XenTruth;
import dev.vmscope.core.xlat.PageTableWalker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Xen's own view of the host dump against {@code kdf-xen-view.x1-vmcore.txt} and the README's facts:
 * the crash note (4.17, xen_phys_start, frame-list-list), the strings it points to, Xen's page-table root
 * ({@code pgd_l4} in machine memory) and its linear direct map.
 */
class XenHypervisorViewTest {

    @AfterAll
    static void close() {
        XenCorpus.closeAll();
    }

    private static XenHost host(String kind) {
        return XenCorpus.session(kind).xenHost().orElseThrow();
    }

    private static String xenView() throws IOException {
        return Files.readString(Corpus.file(XenTruth.SET, "truth/analysis/kdf-xen-view.x1-vmcore.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void theCrashNoteGivesVersionPhysStartAndFrameListList(String kind) {
        XenFacts f = host(kind).facts();
        assertEquals("4.17", f.version().orElseThrow());
        assertEquals(2, f.crashInfo().orElseThrow().version());
        assertEquals(Address.machine(0x2f800000L), f.physStart().orElseThrow());
        assertEquals(0x2ebd6L, f.frameListList().orElseThrow());
        assertEquals(List.of("XEN_ELFNOTE_CRASH_REGS x2", "XEN_ELFNOTE_CRASH_INFO", NoteTypes.VMCOREINFO_XEN), f.notesFound());
        assertTrue(f.obsoleteDom0Cr3().isEmpty(), "no NT_XEN_KDUMP_CR3 note in this dump");
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void theVersionStringsAreReadBackFromMachineMemory(String kind) throws IOException {
        Matcher m = Pattern.compile("(?m)^(xen_\\w+) @mach (0x[0-9a-f]+): '(.*)'$").matcher(xenView());
        int checked = 0;
        while (m.find()) {
            XenString s = host(kind).facts().string(m.group(1)).orElseThrow();
            assertEquals(Address.machine(Hex.parse(m.group(2))), s.address(), m.group(1));
            assertEquals(m.group(3), s.text().orElseThrow(), m.group(1));
            checked++;
        }
        assertEquals(5, checked);
        assertEquals("4.17.7", host(kind).facts().fullVersion().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void xensRootIsPgdL4InMachineMemory(String kind) throws IOException {
        Matcher m = Pattern.compile("(?m)^pgd_l4\\s+kv=(0x[0-9a-f]+) mach=(0x[0-9a-f]+) u64@kv=(0x[0-9a-f]+)").matcher(xenView());
        assertTrue(m.find());
        XenHypervisor xen = host(kind).hypervisor().value().orElseThrow();
        assertEquals(Address.machine(Hex.parse(m.group(2))), xen.root());
        assertTrue(xen.rootOrigin().startsWith("SYMBOL(pgd_l4)"), xen.rootOrigin());
        assertEquals(Address.machine(Hex.parse(m.group(2))), xen.machineAddress(Hex.parse(m.group(1))).orElseThrow());
        assertEquals(Hex.parse(m.group(3)), xen.readLong(Hex.parse(m.group(1))).orElseThrow());
        XenRegion image = xen.regions(host(kind).facts().physStart()).stream().filter(r -> r.name().equals("Xen image")).findFirst().orElseThrow();
        assertEquals(Hex.parse(m.group(1)) - Hex.parse(m.group(2)), image.linearOffset().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void everyCpusCr3MapsXensSlotsLikePgdL4(String kind) {
        XenHypervisor xen = host(kind).hypervisor().value().orElseThrow();
        long pgd = host(kind).facts().symbol("pgd_l4").orElseThrow();
        int cpus = 0;
        for (CpuState c : XenCorpus.session(kind).dump().cpus()) {
            if (c.source().equals(CpuState.XEN_CRASH_REGS)) {
                var t = new PageTableWalker(XenCorpus.session(kind).memory(), xen.mode(), ByteOrder.LITTLE_ENDIAN).walk(c.pageTableRoot().orElseThrow(), pgd);
                assertEquals(xen.root().value(), t.mapping().orElseThrow().address(), "CPU " + c.cpu());
                cpus++;
            }
        }
        assertEquals(2, cpus);
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void theDirectMapIsLinearAsLibkdumpfileSays(String kind) throws IOException {
        String view = xenView();
        Matcher range = Pattern.compile("\\[(0xffff83[0-9a-f]+)-(0x[0-9a-f]+)\\] meth=(\\d+)").matcher(view);
        assertTrue(range.find());
        Matcher meth = Pattern.compile("meth " + range.group(3) + ": LinearMethod\\(0, (\\d+)\\)").matcher(view);
        assertTrue(meth.find());
        long start = Hex.parse(range.group(1));
        long offset = Long.parseUnsignedLong(meth.group(1));
        assertEquals(XenHypervisor.DIRECTMAP_START, start);
        XenHypervisor xen = host(kind).hypervisor().value().orElseThrow();
        int checked = 0;
        for (MemoryRange r : XenCorpus.session(kind).memory().ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            for (long ma = r.start(); ma < r.end(); ma += 4L << 20) {
                long va = ma - offset;
                assertEquals(Address.machine(ma), xen.machineAddress(va).orElseThrow(), Hex.of(va));
                assertEquals(Address.machine(ma), XenHypervisor.directMap(va).orElseThrow());
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }
}
