package dev.vmscope.core.corpus;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.xen.ArchSharedInfo;
import dev.vmscope.core.xen.LinearP2m;
import dev.vmscope.core.xen.MaxPfn;
import dev.vmscope.core.xen.P2mKind;
import dev.vmscope.core.xen.P2mLookup;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xen.XenCorpus;
import dev.vmscope.core.xen.XenTruth;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import dev.vmscope.core.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dom0 of the Xen host dump with no help: its VMCOREINFO found by scanning, its p2m from the crash note's
 * frame-list-list, its kernel translated to pseudo-physical and machine addresses. The raw ELF and
 * makedumpfile's {@code -c -d 1} conversion (notes kept in the sub-header) must both match libkdumpfile's
 * translations, its pfn-to-mfn list and dom0's own M2P.
 */
class XenDom0Test {
    private static Session session(String kind) {
        return XenCorpus.session(kind);
    }

    @AfterAll
    static void close() {
        XenCorpus.closeAll();
    }

    private static PvDomain dom0(String kind) {
        return session(kind).pvDomain().orElseThrow(() -> new AssertionError(
                session(kind).xenHost().map(h -> h.dom0().explanation()).orElse("not a Xen host dump")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void p2mGivesLibkdumpfilesMfnForEveryPfn(String kind) {
        long[] truth = XenTruth.p2m();
        P2mMap map = dom0(kind).map();
        assertEquals("tree", map.layout());
        assertEquals(truth.length, map.maxPfn().value(), "max_pfn: " + map.maxPfn().origin());
        assertTrue(map.unreachable().isEmpty(), "unreachable: " + map.unreachable());
        for (int pfn = 0; pfn < truth.length; pfn++) {
            P2mLookup l = map.lookup(pfn);
            assertEquals(Hex.of(truth[pfn]), l.mfn().isPresent() ? Hex.of(l.mfn().getAsLong()) : l.toString(), "pfn " + Hex.of(pfn));
            if (pfn % 97 == 0) {
                P2mLookup walked = dom0(kind).p2m().lookup(pfn);
                assertEquals(l.mfn(), walked.mfn(), "walk of pfn " + Hex.of(pfn));
                assertEquals(truth[pfn] << 12, walked.walk().orElseThrow().mapping().orElseThrow().address());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void p2mAgreesWithDom0sOwnM2pExceptTheIdentityHole(String kind) {
        Map<Long, Long> m2p = XenTruth.m2p();
        Set<Long> explained = new HashSet<>(XenTruth.p2mM2pMismatches());
        assertEquals(97, explained.size());
        P2mMap map = dom0(kind).map();
        long agreeing = 0;
        for (long pfn = 0; pfn < map.maxPfn().value(); pfn++) {
            P2mLookup l = map.lookup(pfn);
            long mfn = l.mfn().orElseThrow();
            if (explained.contains(pfn)) {
                assertEquals(P2mKind.IDENTITY, l.kind(), "pfn " + Hex.of(pfn) + " lies in dom0's 1:1 e820 hole");
                assertEquals(-1L, m2p.get(mfn));
                assertTrue(map.pfn(mfn).isPresent() && map.pfn(mfn).getAsLong() == pfn);
            } else {
                assertEquals(P2mKind.MAPPED, l.kind());
                assertEquals(pfn, m2p.get(mfn), "m2p[" + Hex.of(mfn) + "]");
                assertEquals(pfn, map.pfn(mfn).orElseThrow(), "inverse of pfn " + Hex.of(pfn));
                agreeing++;
            }
        }
        assertEquals(81920, agreeing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void xensOwnM2pReadThroughItsPageTablesEqualsDom0sDump(String kind) {
        var host = session(kind).xenHost().orElseThrow();
        var m2p = host.m2p().orElseThrow();
        Map<Long, Long> truth = XenTruth.m2p();
        assertEquals(truth.size(), m2p.maxPage().orElseThrow(), "max_page");
        truth.forEach((mfn, pfn) -> {
            var e = m2p.lookup(mfn);
            assertEquals(pfn == -1L ? "invalid" : Hex.of(pfn), e.pfn().isPresent() ? Hex.of(e.pfn().getAsLong())
                    : e.state().name().toLowerCase(), "m2p[" + Hex.of(mfn) + "]");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void maxPfnComesFromDom0sSharedInfoAndEqualsTheKernelsOwn(String kind) throws IOException {
        long kernelMaxPfn = symbolValue("max_pfn");
        MaxPfn max = dom0(kind).map().maxPfn();
        assertEquals(kernelMaxPfn, max.value());
        assertTrue(max.origin().startsWith("arch_shared_info.max_pfn"), max.origin());
        ArchSharedInfo shared = session(kind).xenHost().orElseThrow().sharedInfo().value().orElseThrow();
        assertEquals(0x2ebd6L, shared.frameListList());
        assertEquals(symbolMachine("init_top_pgt"), shared.p2mCr3(), "p2m_cr3 is dom0's init_top_pgt");
        assertEquals(symbolValue("xen_p2m_addr"), shared.p2mVaddr(), "p2m_vaddr is dom0's xen_p2m_addr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void theLinearListGivesTheSameP2m(String kind) {
        Session s = session(kind);
        ArchSharedInfo shared = s.xenHost().orElseThrow().sharedInfo().value().orElseThrow();
        LinearP2m linear = new LinearP2m(s.memory(), shared.p2mCr3(), shared.p2mVaddr(), dom0(kind).map().maxPfn(),
                PagingModes.x86_64(false, X86_64Entry.standard()), ByteOrder.LITTLE_ENDIAN, s.dump().source());
        long[] truth = XenTruth.p2m();
        P2mMap map = linear.enumerate(Progress.NONE);
        assertEquals("linear", map.layout());
        for (int pfn = 0; pfn < truth.length; pfn++) {
            assertEquals(truth[pfn], map.mfn(pfn).orElseThrow(), "pfn " + Hex.of(pfn));
        }
        assertEquals(truth[0x2a10], linear.lookup(0x2a10).mfn().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void everyKernelAddressGivesItsPseudoPhysicalAndMachineAddress(String kind) throws IOException {
        Session s = session(kind);
        int checked = 0;
        for (Row r : rows()) {
            Translation t = s.translate(r.va);
            assertEquals(Hex.of(r.machine), t.mapping().map(m -> Hex.of(m.address())).orElse(t.fault().toString()), r.name);
            assertEquals(Address.physical(r.kphys), t.pseudoPhysical().orElseThrow(), r.name);
            for (WalkStep step : t.steps()) {
                assertEquals(Space.MACHINE, step.tableSpace());
                assertTrue(step.tablePseudoPhysical().isPresent(), r.name + " " + step.level());
            }
            assertEquals(r.bytes, u64(s.read(Space.KERNEL_VIRTUAL, r.va, 8)), r.name + " virtual");
            assertEquals(r.bytes, u64(s.read(Space.PHYSICAL, r.kphys, 8)), r.name + " pseudo-physical");
            assertEquals(r.bytes, u64(s.read(Space.MACHINE, r.machine, 8)), r.name + " machine");
            checked++;
        }
        assertEquals(106, checked);
        assertEquals(0x12a10000L, s.kernel().orElseThrow().pageTableRoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void dom0sVmcoreInfoIsFoundByScanning(String kind) throws IOException {
        VmcoreInfo info = session(kind).dump().vmcoreinfo().orElseThrow();
        String machine = Files.readString(Corpus.file(XenTruth.SET, "truth/dom0/sys_kernel_vmcoreinfo.txt")).strip().split("\\s+")[0];
        assertTrue(info.origin().contains("(machine " + Hex.of(Long.parseUnsignedLong(machine.substring(2), 16)) + ")"), info.origin());
        VmcoreInfo truth = VmcoreInfo.parse(Files.readString(Corpus.file(XenTruth.SET, "truth/analysis/dom0-vmcoreinfo.from-x1.txt")), "truth");
        assertEquals(truth.entries(), info.entries());
        assertEquals("6.1.0-50-amd64", session(kind).kernel().orElseThrow().release().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"elf", "kdump"})
    void dom0sSystemRamIsPresentInItsPseudoPhysicalMemory(String kind) throws IOException {
        var pseudo = dom0(kind).pseudoPhysical();
        Pattern ram = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) : System RAM$");
        int checked = 0;
        for (String line : Files.readAllLines(Corpus.file(XenTruth.SET, "truth/dom0/proc_iomem.txt"))) {
            Matcher m = ram.matcher(line);
            if (m.matches()) {
                long start = Long.parseLong(m.group(1), 16);
                long end = Long.parseLong(m.group(2), 16) + 1;
                assertTrue(pseudo.isReadable(start, end - start), line);
                assertTrue(pseudo.ranges().stream().anyMatch(r -> r.kind() == dev.vmscope.core.io.RangeKind.RAM
                        && r.start() <= start && end <= r.end()), line);
                checked++;
            }
        }
        assertEquals(2, checked);
    }

    private record Row(long va, String name, long kphys, long machine, long bytes) {
    }

    private static List<Row> rows() throws IOException {
        Pattern row = Pattern.compile("^([0-9a-f]{16}) (\\S+)\\s+kphys=([0-9a-f]+) mach=([0-9a-f]+) rdKV=([0-9a-f]+)");
        return Files.readAllLines(Corpus.file(XenTruth.SET, "truth/analysis/kdf-dom0-xlat.x1-vmcore.txt")).stream()
                .map(row::matcher).filter(Matcher::find)
                .map(m -> new Row(Long.parseUnsignedLong(m.group(1), 16), m.group(2), Long.parseLong(m.group(3), 16),
                        Long.parseLong(m.group(4), 16), Long.parseUnsignedLong(m.group(5), 16)))
                .toList();
    }

    private static long symbolValue(String name) throws IOException {
        return rows().stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow().bytes;
    }

    private static long symbolMachine(String name) throws IOException {
        return rows().stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow().machine;
    }

    private static long u64(byte[] b) {
        return Bytes.u64(b, 0, ByteOrder.LITTLE_ENDIAN);
    }
}
