package dev.vmscope.core.format.live;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.NoteTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live path on a fake root of the corpus machine: which source is chosen and why, and what it reads. */
class LiveDumpsTest {
    @TempDir
    Path dir;

    private Session open(FakeKernel kernel, String source) {
        FakeRoot root = FakeRoot.build(dir, kernel);
        return Session.open(LiveDumps.open(root.machineRoot(), source), OpenOptions.DEFAULT);
    }

    static Optional<String> field(Dump dump, String name) {
        return dump.header().stream().filter(f -> f.section().equals(LiveHeader.SECTION) && f.name().equals(name))
                .map(FormatField::value).findFirst();
    }

    @Test
    void liveChoosesKcoreAndTranslatesEveryTruthAddress() {
        try (Session s = open(FakeKernel.OPEN, "live")) {
            Dump d = s.dump();
            assertEquals("kcore", d.format());
            assertEquals(Architecture.X86_64, d.architecture());
            assertEquals(LiveTruth.release(), s.kernel().orElseThrow().release().orElseThrow());
            assertEquals(Space.PHYSICAL, d.memory().space());
            assertEquals(dir.resolve("proc/kcore").toString(), d.source());
            assertEquals("the first of /proc/kcore, /dev/mem, /dev/crash that this machine allows",
                    field(d, "chosen because").orElseThrow());
            assertEquals("none", field(d, "lockdown").orElseThrow());
            assertEquals("0-1", field(d, "online CPUs").orElseThrow());
            assertEquals(LiveHeader.LIVE_DATA, field(d, "data").orElseThrow());
            assertTrue(LiveDumps.isLive(d));
            assertEquals(List.of(), d.cpus(), "a running machine's registers are not in its notes");
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
            assertEquals(List.of(), LiveTruth.pbytesMismatches(s, LiveTruth.kcorePhysicalRanges()));
        }
    }

    @Test
    void kcoreGivesTheBytesTheLiveKernelReturned() {
        try (Session s = open(FakeKernel.OPEN, "/proc/kcore")) {
            List<String> mismatches = new java.util.ArrayList<>();
            for (String[] row : dev.vmscope.core.testing.TruthFiles.rows(
                    dev.vmscope.core.testing.Corpus.file(CorpusMachine.SET, "truth/kcore.bytes.tsv"))) {
                long pa = dev.vmscope.core.Hex.parse(row[3]);
                int length = Integer.parseInt(row[2]);
                String ours = dev.vmscope.core.Hex.bytes(s.read(Space.PHYSICAL, pa, length));
                if (!ours.equals(row[4])) {
                    mismatches.add(row[0]);
                }
            }
            assertEquals(List.of(), mismatches);
        }
    }

    @Test
    void devMemReadsSystemRamAndFindsVmcoreinfoThroughSysfs() {
        try (Session s = open(FakeKernel.OPEN, "/dev/mem")) {
            Dump d = s.dump();
            assertEquals("devmem", d.format());
            assertEquals("asked for", field(d, "chosen because").orElseThrow());
            String where = CorpusMachine.truthText("truth/sys_kernel_vmcoreinfo.txt").split(" ")[0];
            assertEquals("VMCOREINFO note at physical 0x" + Long.toHexString(Long.parseUnsignedLong(where.substring(2), 16))
                    + " (from /sys/kernel/vmcoreinfo)", d.vmcoreinfo().orElseThrow().origin());
            assertTrue(d.notes().stream().anyMatch(n -> n.name().equals(NoteTypes.VMCOREINFO)));
            assertEquals(LiveTruth.release(), d.vmcoreinfo().orElseThrow().osRelease().orElseThrow());
            assertTrue(field(d, "STRICT_DEVMEM probe").orElseThrow().contains("no CONFIG_STRICT_DEVMEM restriction"));
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
            assertEquals(List.of(), LiveTruth.pbytesMismatches(s, LiveTruth.iomemRam()));
        }
    }

    @Test
    void strictDevmemIsDetectedAndDevMemFallsBackToKcore() {
        try (Session s = open(FakeKernel.OPEN.withStrictDevmem(), "/dev/mem")) {
            Dump d = s.dump();
            assertEquals("kcore", d.format());
            assertEquals("/dev/mem was refused; /proc/kcore gives the same physical memory", field(d, "chosen because").orElseThrow());
            assertEquals("the kernel is built with CONFIG_STRICT_DEVMEM: it reads 0xff000 below 1 MiB but refuses RAM at 0x100000"
                    + " (Operation not permitted)", field(d, "refused /dev/mem").orElseThrow());
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
        }
    }

    @Test
    void confidentialityLockdownClosesKcoreAndDevMemAndLiveTakesTheCrashDriver() {
        try (Session s = open(FakeKernel.OPEN.withLockdown(Lockdown.CONFIDENTIALITY).withCrashDriver(), "live")) {
            Dump d = s.dump();
            assertEquals("devcrash", d.format());
            assertEquals("confidentiality", field(d, "lockdown").orElseThrow());
            assertEquals("the kernel is locked down in confidentiality mode, which closes /proc/kcore even to root",
                    field(d, "refused /proc/kcore").orElseThrow());
            assertEquals("the kernel is locked down in confidentiality mode, which closes /dev/mem even to root",
                    field(d, "refused /dev/mem").orElseThrow());
            assertEquals(List.of(), LiveTruth.vtopMismatches(s), "reads of /dev/crash never cross a page");
            assertEquals(List.of(), LiveTruth.pbytesMismatches(s, LiveTruth.iomemRam()));
        }
    }

    @Test
    void confidentialityLockdownWithoutCrashDriverSaysWhyNothingOpens() {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN.withLockdown(Lockdown.CONFIDENTIALITY));
        DumpIoException e = assertThrows(DumpIoException.class, () -> LiveDumps.open(root.machineRoot(), "live"));
        assertEquals("cannot read live memory (live: "
                + "/proc/kcore: the kernel is locked down in confidentiality mode, which closes /proc/kcore even to root; "
                + "/dev/mem: the kernel is locked down in confidentiality mode, which closes /dev/mem even to root; "
                + "/dev/crash: not present (the crash driver module is not loaded: modprobe crash))", e.getMessage());
    }

    @Test
    void devMemAndItsFallbackRefusedNameBoth() {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN.withStrictDevmem().withLockdown(Lockdown.CONFIDENTIALITY));
        DumpIoException e = assertThrows(DumpIoException.class, () -> LiveDumps.open(root.machineRoot(), "/dev/mem"));
        assertEquals("cannot read live memory (/dev/mem: the kernel is locked down in confidentiality mode, which closes /dev/mem even to root; "
                + "/proc/kcore: the kernel is locked down in confidentiality mode, which closes /proc/kcore even to root)", e.getMessage());
    }

    @Test
    void hiddenIomemAddressesRefuseDevMem() throws java.io.IOException {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN);
        java.nio.file.Files.writeString(dir.resolve("proc/iomem"), "00000000-00000000 : Reserved\n00000000-00000000 : System RAM\n");
        try (Session s = Session.open(LiveDumps.open(root.machineRoot(), "/dev/mem"), OpenOptions.DEFAULT)) {
            assertEquals("kcore", s.dump().format());
            assertEquals("/proc/iomem shows every address as 0 (the kernel hides them from a reader without CAP_SYS_ADMIN)",
                    field(s.dump(), "refused /dev/mem").orElseThrow());
        }
    }

    @Test
    void integrityLockdownClosesDevMemOnly() {
        try (Session s = open(FakeKernel.OPEN.withLockdown(Lockdown.INTEGRITY), "/dev/mem")) {
            assertEquals("kcore", s.dump().format());
            assertEquals("the kernel is locked down in integrity mode, which closes /dev/mem even to root",
                    field(s.dump(), "refused /dev/mem").orElseThrow());
        }
    }

    @Test
    void withoutRawIoTheMessageNamesTheCapability() {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN.withoutRawIo());
        DumpIoException e = assertThrows(DumpIoException.class, () -> LiveDumps.open(root.machineRoot(), "/proc/kcore"));
        assertEquals("cannot read live memory (/proc/kcore: permission denied: this process lacks CAP_SYS_RAWIO)",
                e.getMessage());
    }

    @Test
    void kcoreWithoutPhysicalAddressesIsRefusedAndLiveTakesDevMem() {
        try (Session s = open(FakeKernel.OPEN.withKcore(FakeKernel.KcoreHeader.NO_PHYSICAL_ADDRESSES), "live")) {
            assertEquals("devmem", s.dump().format());
            assertEquals("its program headers give no physical addresses (p_paddr is -1 in every PT_LOAD, as before Linux 4.11)",
                    field(s.dump(), "refused /proc/kcore").orElseThrow());
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
        }
    }

    @Test
    void kcoreWithoutVmcoreinfoNoteFindsItThroughSysfs() {
        try (Session s = open(FakeKernel.OPEN.withKcore(FakeKernel.KcoreHeader.NO_VMCOREINFO_NOTE), "/proc/kcore")) {
            assertTrue(s.dump().vmcoreinfo().orElseThrow().origin().endsWith("(from /sys/kernel/vmcoreinfo)"));
            assertTrue(field(s.dump(), "VMCOREINFO").orElseThrow().startsWith("no note in /proc/kcore (before Linux 4.19)"));
            assertEquals(List.of(), LiveTruth.vtopMismatches(s));
        }
    }

    @Test
    void theCrashDriverMustBeLoadedToBeAskedFor() {
        FakeRoot root = FakeRoot.build(dir, FakeKernel.OPEN);
        DumpIoException e = assertThrows(DumpIoException.class, () -> LiveDumps.open(root.machineRoot(), "/dev/crash"));
        assertEquals("cannot read live memory (/dev/crash: not present (the crash driver module is not loaded: modprobe crash))", e.getMessage());
    }
}
