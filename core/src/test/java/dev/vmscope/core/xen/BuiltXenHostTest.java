package dev.vmscope.core.xen;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A built Xen host kdump opened like any file: with a frame-list-list in the crash note (9 or 10 words)
 * dom0's VMCOREINFO is found by scanning its pseudo-physical memory, its root goes through the p2m, and
 * walks give both addresses; with the 8-word note there is no p2m and the dump says why.
 */
class BuiltXenHostTest {

    static Session open(int words, boolean withVmcoreInfo, OpenOptions options) {
        return Session.open(new ByteArrayStorage("built-xen.vmcore", BuiltXenHost.elf(words, withVmcoreInfo)), options);
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 10})
    void dom0IsFoundAndTranslatedWithBothAddresses(int words) {
        try (Session s = open(words, true, OpenOptions.DEFAULT)) {
            assertEquals(Space.MACHINE, s.translatedSpace());
            assertTrue(s.dump().vmcoreinfo().orElseThrow().origin()
                    .endsWith("ELF note VMCOREINFO at physical 0x8000 (" + BuiltXenHost.VMCOREINFO.length() + " bytes of text) (machine 0x208000)"),
                    s.dump().vmcoreinfo().orElseThrow().origin());
            assertEquals(BuiltXenHost.ROOT_MACHINE, s.kernel().orElseThrow().pageTableRoot());
            Translation t = s.translate(BuiltXenHost.TEXT_VA + 0x10);
            assertEquals(0x300010L, t.mapping().orElseThrow().address());
            assertEquals(Optional.of(Address.physical(0x9010)), t.pseudoPhysical());
            assertEquals(List.of(0x202000L, 0x203000L, 0x204000L, 0x205000L), t.steps().stream().map(WalkStep::table).toList());
            assertEquals(List.of(Optional.of(Address.physical(0x2000)), Optional.of(Address.physical(0x3000)),
                    Optional.of(Address.physical(0x4000)), Optional.of(Address.physical(0x5000))),
                    t.steps().stream().map(WalkStep::tablePseudoPhysical).toList());
            byte[] text = "XEN-PV-TEXT".getBytes(StandardCharsets.ISO_8859_1);
            assertArrayEquals(text, s.read(Space.KERNEL_VIRTUAL, BuiltXenHost.TEXT_VA, text.length));
            assertArrayEquals(text, s.read(Space.PHYSICAL, 0x9000, text.length));
            assertArrayEquals(text, s.read(Space.MACHINE, 0x300000, text.length));
            P2mMap map = s.pvDomain().orElseThrow().map();
            assertEquals(512, map.maxPfn().value());
            assertTrue(map.maxPfn().origin().startsWith("the end of the frame-list tree's last filled leaf"), map.maxPfn().origin());
            assertEquals(words == 10 ? Optional.of(Address.machine(0x3c00000)) : Optional.empty(), s.xenHost().orElseThrow().facts().physStart());
        }
    }

    @Test
    void pseudoPhysicalReadsCrossFramesThatAreNotContiguous() {
        try (Session s = open(10, true, OpenOptions.DEFAULT)) {
            byte[] across = s.read(Space.PHYSICAL, 0x8ffc, 8);
            byte[] expected = new byte[8];
            System.arraycopy(s.read(Space.MACHINE, 0x208ffc, 4), 0, expected, 0, 4);
            System.arraycopy(s.read(Space.MACHINE, 0x300000, 4), 0, expected, 4, 4);
            assertArrayEquals(expected, across);
            var e = assertThrows(dev.vmscope.core.MemoryAccessException.class, () -> s.read(Space.PHYSICAL, 0x10000, 1));
            assertEquals(Space.PHYSICAL, e.space());
            assertEquals(0x10000, e.address());
        }
    }

    @Test
    void aGivenVmcoreInfoIsUsedInsteadOfTheScan(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vmcoreinfo.txt");
        Files.writeString(file, BuiltXenHost.VMCOREINFO);
        try (Session s = open(10, false, OpenOptions.DEFAULT.withVmcoreinfo(file))) {
            assertEquals("file " + file, s.dump().vmcoreinfo().orElseThrow().origin());
            assertEquals(0x300000L, s.translate(BuiltXenHost.TEXT_VA).mapping().orElseThrow().address());
        }
        try (Session s = open(10, false, OpenOptions.DEFAULT)) {
            assertTrue(s.dump().vmcoreinfo().isEmpty());
            assertEquals("no VMCOREINFO note in dom0's pseudo-physical memory (give --vmcoreinfo FILE)",
                    s.xenHost().orElseThrow().dom0VmcoreInfo().explanation());
            Translation t = s.translate(BuiltXenHost.TEXT_VA);
            assertEquals(0x300000L, t.mapping().orElseThrow().address(), "the CPU's CR3 still walks dom0's tables");
            assertEquals(Optional.of(Address.physical(0x9000)), t.pseudoPhysical());
        }
    }

    @Test
    void withoutAFrameListListThereIsNoP2mAndTheDumpSaysWhy() {
        try (Session s = open(8, true, OpenOptions.DEFAULT)) {
            XenHost h = s.xenHost().orElseThrow();
            assertFalse(h.dom0().isFound());
            assertTrue(h.dom0().explanation().contains("crash_xen_info_t of 8 words"), h.dom0().explanation());
            Translation t = s.translate(BuiltXenHost.TEXT_VA);
            assertEquals(0x300000L, t.mapping().orElseThrow().address());
            assertTrue(t.pseudoPhysical().isEmpty());
            UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class, () -> s.read(Space.PHYSICAL, 0x9000, 1));
            assertTrue(e.getMessage().contains("crash_xen_info_t of 8 words"), e.getMessage());
        }
    }

    @Test
    void withoutAP2mDom0sPseudoPhysicalRootIsNotTakenForAMachineOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vmcoreinfo.txt");
        Files.writeString(file, BuiltXenHost.VMCOREINFO);
        try (Session s = open(8, true, OpenOptions.DEFAULT.withVmcoreinfo(file))) {
            assertEquals(BuiltXenHost.ROOT_MACHINE, s.kernel().orElseThrow().pageTableRoot());
            assertEquals("CR3 of CPU 0 (XEN_CRASH_REGS note)", s.kernel().orElseThrow().rootOrigin());
            assertEquals(0x300000L, s.translate(BuiltXenHost.TEXT_VA).mapping().orElseThrow().address());
        }
    }
}
