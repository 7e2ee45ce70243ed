package dev.vmscope.core.format.live;

import dev.vmscope.core.DumpFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small kernel files the live code reads: /sys/kernel/vmcoreinfo, lockdown, /proc/self/status. */
class SmallFilesTest {

    @Test
    void vmcoreinfoLocationIsHexAddressAndHexSize() {
        assertEquals(new VmcoreinfoLocation(0x19a0000, 0x1024), VmcoreinfoLocation.parse("0x00000000019a0000 1024\n", "f"));
        assertEquals(new VmcoreinfoLocation(0x42270000, 0x1024), VmcoreinfoLocation.parse("42270000 1024", "f"));
    }

    @Test
    void vmcoreinfoLocationRejectsNonsense() {
        assertEquals("'ADDRESS SIZE' in hex, found 'hello'",
                assertThrows(DumpFormatException.class, () -> VmcoreinfoLocation.parse("hello", "f")).expected());
        DumpFormatException big = assertThrows(DumpFormatException.class, () -> VmcoreinfoLocation.parse("1000 7fffffff", "f"));
        assertEquals("vmcoreinfo location: size", big.structure());
        assertEquals(5, big.offset());
    }

    @Test
    void lockdownIsTheBracketedWord() {
        assertEquals(Optional.of(Lockdown.NONE), Lockdown.parse("[none] integrity confidentiality\n"));
        assertEquals(Optional.of(Lockdown.INTEGRITY), Lockdown.parse("none [integrity] confidentiality\n"));
        assertEquals(Optional.of(Lockdown.CONFIDENTIALITY), Lockdown.parse("none integrity [confidentiality]\n"));
        assertEquals(Optional.empty(), Lockdown.parse("none integrity confidentiality\n"));
    }

    @Test
    void integrityClosesDevMemAndConfidentialityClosesKcoreToo() {
        assertEquals(List.of(LiveSourceKind.DEVMEM), closedBy(Lockdown.INTEGRITY));
        assertEquals(List.of(LiveSourceKind.KCORE, LiveSourceKind.DEVMEM), closedBy(Lockdown.CONFIDENTIALITY));
        assertEquals(List.of(), closedBy(Lockdown.NONE));
    }

    private static List<LiveSourceKind> closedBy(Lockdown mode) {
        return java.util.Arrays.stream(LiveSourceKind.values()).filter(mode::closes).toList();
    }

    @Test
    void processRightsComeFromUidAndCapEff() {
        ProcessRights root = ProcessRights.parse("Name:\tx\nUid:\t1000\t0\t0\t0\nCapEff:\t000001ffffffffff\n");
        assertEquals(OptionalLong.of(0), root.effectiveUid());
        assertTrue(root.privileged());
        ProcessRights user = ProcessRights.parse("Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000000000\n");
        assertFalse(user.privileged());
        assertEquals("permission denied: this process lacks CAP_SYS_RAWIO and is not root", user.deniedBecause());
        ProcessRights noRawIo = ProcessRights.parse("Uid:\t0\t0\t0\t0\nCapEff:\t000001fffffdffff\n");
        assertEquals(Optional.of(false), noRawIo.hasRawIo());
        assertFalse(noRawIo.privileged());
        assertEquals("permission denied (live sources need root with CAP_SYS_RAWIO)", ProcessRights.unknown().deniedBecause());
    }

    @Test
    void sourceNamesAndTheirCandidates() {
        assertTrue(LiveSourceKind.isLiveName("live"));
        assertTrue(LiveSourceKind.isLiveName("/dev/crash"));
        assertFalse(LiveSourceKind.isLiveName("/dev/mem2"));
        assertFalse(LiveSourceKind.isLiveName("vmcore"));
        assertEquals(List.of(LiveSourceKind.KCORE, LiveSourceKind.DEVMEM, LiveSourceKind.CRASH), LiveSourceKind.candidates("live"));
        assertEquals(List.of(LiveSourceKind.DEVMEM, LiveSourceKind.KCORE), LiveSourceKind.candidates("/dev/mem"));
        assertEquals(List.of(LiveSourceKind.KCORE), LiveSourceKind.candidates("/proc/kcore"));
        assertThrows(IllegalArgumentException.class, () -> LiveSourceKind.candidates("/etc/passwd"));
    }

    @Test
    void theStrictDevmemProbeLooksAtTheFirstRamPageFromOneMib() {
        var low = new dev.vmscope.core.io.MemoryRange(0x1000, 0x9fc00, dev.vmscope.core.io.RangeKind.RAM);
        var high = new dev.vmscope.core.io.MemoryRange(0x100000, 0xbfdd000, dev.vmscope.core.io.RangeKind.RAM);
        var arm = new dev.vmscope.core.io.MemoryRange(0x40000000L, 0x4a000000L, dev.vmscope.core.io.RangeKind.RAM);
        assertEquals(0x100000, StrictDevmemProbe.abovePage(List.of(low, high)));
        assertEquals(0x40000000L, StrictDevmemProbe.abovePage(List.of(arm)));
        assertEquals(0x1000, StrictDevmemProbe.abovePage(List.of(low)));
    }

    @Test
    void machinePathsStayUnderTheRoot() {
        MachineRoot root = new MachineRoot(java.nio.file.Path.of("/tmp/fake"), FileOpener.SYSTEM);
        assertEquals(java.nio.file.Path.of("/tmp/fake/proc/kcore"), root.resolve("/proc/kcore"));
        assertThrows(IllegalArgumentException.class, () -> root.resolve("/proc/../etc/shadow"));
        assertThrows(IllegalArgumentException.class, () -> root.resolve("proc/kcore"));
        assertTrue(MachineRoot.system().isSystem());
        assertFalse(root.isSystem());
    }
}
