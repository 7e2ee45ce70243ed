package dev.vmscope.core.format.xccore;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.xen.BuiltXenHost;
import dev.vmscope.core.xen.MachineImage;
import dev.vmscope.core.xen.P2m;
import dev.vmscope.core.xen.P2mKind;
import dev.vmscope.core.xen.PvGuestMemory;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code xl dump-core} files of a PV guest (the dom0 of {@link BuiltXenHost} dumped on its own), an HVM
 * guest and a 32-bit PV guest, built from the format's description.
 */
class XcCoreFormatTest {
    static final long INVALID = -1L;

    /** The guest's 16 pages in shuffled order, then an unused slot; two vCPUs, the second with named registers. */
    static XcCoreBuilder pvGuest() {
        MachineImage machine = BuiltXenHost.memory(true);
        XcCoreBuilder b = new XcCoreBuilder();
        for (long pfn : new long[] {15, 3, 9, 0, 1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14}) {
            long mfn = pfn == 9 ? 0x300 : 0x200 + pfn;
            b.page(machine.read(mfn << 12, 4096), pfn, mfn);
        }
        b.page(new byte[0], INVALID, INVALID);
        b.context(Map.of(5008, BuiltXenHost.ROOT_MACHINE));
        b.context(Map.of(520, XcCoreBuilder.named("r15"), 600, XcCoreBuilder.named("rax"), 648, XcCoreBuilder.named("rip"),
                656, XcCoreBuilder.named("cs"), 672, XcCoreBuilder.named("rsp"), 680, XcCoreBuilder.named("ss"),
                5008, XcCoreBuilder.named("cr3"), 5160, XcCoreBuilder.named("gs_base_")));
        return b;
    }

    static Dump open(byte[] file) {
        return DumpFormats.open(new ByteArrayStorage("guest.core", file));
    }

    @Test
    void aPvGuestsPagesAreKeyedByMachineFrame() {
        try (Dump d = open(pvGuest().build())) {
            assertEquals("xc-core", d.format());
            assertEquals(Architecture.X86_64, d.architecture());
            assertEquals(Space.MACHINE, d.memory().space());
            assertEquals(List.of(new MemoryRange(0, 0x200000, RangeKind.HOLE), new MemoryRange(0x200000, 0x209000, RangeKind.RAM),
                    new MemoryRange(0x209000, 0x20a000, RangeKind.HOLE), new MemoryRange(0x20a000, 0x210000, RangeKind.RAM),
                    new MemoryRange(0x210000, 0x300000, RangeKind.HOLE), new MemoryRange(0x300000, 0x301000, RangeKind.RAM)),
                    d.memory().ranges());
            assertArrayEquals("XEN-PV-TEXT".getBytes(StandardCharsets.ISO_8859_1), d.memory().read(0x300000, 11));
            P2m p2m = ((PvGuestMemory) d.memory()).p2m().orElseThrow();
            assertEquals("xc-core", p2m.layout());
            assertEquals(16, p2m.maxPfn().value());
            assertEquals(0x300, p2m.lookup(9).mfn().orElseThrow());
            assertEquals(0x20f, p2m.lookup(15).mfn().orElseThrow());
            assertEquals(P2mKind.UNREACHABLE, p2m.lookup(16).kind());
        }
    }

    @Test
    void vcpuContextsAreRegistersAtTheirOffsets() {
        try (Dump d = open(pvGuest().build())) {
            assertEquals(2, d.cpuCount());
            CpuState named = d.cpus().get(1);
            assertEquals("XEN_VCPU_CONTEXT", named.source());
            for (String r : List.of("r15", "rax", "rip", "rsp", "cr3")) {
                assertEquals(XcCoreBuilder.named(r), named.register(r).orElseThrow().value(), r);
            }
            assertEquals(XcCoreBuilder.named("cs"), named.register("cs").orElseThrow().value());
            assertEquals(XcCoreBuilder.named("ss"), named.register("ss").orElseThrow().value());
            assertEquals(XcCoreBuilder.named("gs_base_"), named.register("gs_base_user").orElseThrow().value());
            assertEquals(Optional.of(BuiltXenHost.ROOT_MACHINE), d.cpus().get(0).pageTableRoot());
        }
    }

    @Test
    void aSessionTranslatesThePvGuestWithBothAddresses() {
        try (Session s = Session.open(new ByteArrayStorage("guest.core", pvGuest().build()), OpenOptions.DEFAULT)) {
            assertTrue(s.dump().vmcoreinfo().orElseThrow().origin().endsWith("at physical 0x8000 ("
                    + BuiltXenHost.VMCOREINFO.length() + " bytes of text) (machine 0x208000)"), s.dump().vmcoreinfo().orElseThrow().origin());
            Translation t = s.translate(BuiltXenHost.TEXT_VA);
            assertEquals(0x300000L, t.mapping().orElseThrow().address());
            assertEquals(Optional.of(Address.physical(0x9000)), t.pseudoPhysical());
            assertArrayEquals("XEN-PV-TEXT".getBytes(StandardCharsets.ISO_8859_1), s.read(Space.PHYSICAL, 0x9000, 11));
            assertEquals("xc-core", s.pvDomain().orElseThrow().map().layout());
            assertTrue(s.xenHost().isEmpty(), "a guest's dump-core is not a host dump");
        }
    }

    @Test
    void anHvmGuestsPagesAreKeyedByGuestPhysicalFrame() {
        XcCoreBuilder b = new XcCoreBuilder();
        b.hvm = true;
        for (long pfn : new long[] {3, 0, 1, 2}) {
            b.page(("PAGE" + pfn).getBytes(StandardCharsets.ISO_8859_1), pfn);
        }
        b.context(Map.of(5008, 0x1000L));
        try (Dump d = open(b.build())) {
            assertEquals(Space.PHYSICAL, d.memory().space());
            assertEquals(List.of(new MemoryRange(0, 0x4000, RangeKind.RAM)), d.memory().ranges());
            assertArrayEquals("PAGE3".getBytes(StandardCharsets.ISO_8859_1), d.memory().read(0x3000, 5));
            assertTrue(((PvGuestMemory) d.memory()).p2m().isEmpty());
        }
    }

    @Test
    void aThirtyTwoBitGuestIsToldByTheVersionNote() {
        XcCoreBuilder b = new XcCoreBuilder();
        b.guestWidth = 4;
        b.page("P".getBytes(StandardCharsets.ISO_8859_1), 0, 0x500);
        b.context(Map.of(516, XcCoreBuilder.named("ebx"), 540, XcCoreBuilder.named("eax"), 548, XcCoreBuilder.named("eip"),
                560, XcCoreBuilder.named("esp"), 2728, XcCoreBuilder.named("cr3")));
        try (Dump d = open(b.build())) {
            assertEquals(Architecture.I386, d.architecture());
            for (String r : List.of("ebx", "eax", "eip", "esp", "cr3")) {
                assertEquals(XcCoreBuilder.named(r), d.cpus().getFirst().register(r).orElseThrow().value(), r);
            }
        }
    }

    @Test
    void onlyDumpCoreFilesAreClaimed() {
        XcCoreFormat f = new XcCoreFormat();
        assertTrue(f.claims(new ByteArrayStorage("a", pvGuest().build())));
        assertFalse(f.claims(new ByteArrayStorage("kdump", BuiltXenHost.elf(10, true))), "a kdump has program headers");
        XcCoreBuilder noNotes = pvGuest();
        noNotes.omit.add(".note.Xen");
        assertFalse(f.claims(new ByteArrayStorage("b", noNotes.build())));
        assertFalse(f.claims(new ByteArrayStorage("c", new byte[10])));
    }
}
