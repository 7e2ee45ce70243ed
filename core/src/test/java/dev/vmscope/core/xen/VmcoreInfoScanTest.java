package dev.vmscope.core.xen;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.notes.VmcoreInfoScanner;
import dev.vmscope.core.notes.VmcoreInfoScanner.Strategy;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding a kernel's VMCOREINFO note in memory: at a page start (Linux 4.13 and later), at any 4-byte
 * position (older kernels), in either byte order; look-alikes are not taken. The 32-bit ARM corpus dumps
 * were taken without QEMU's vmcoreinfo device, so this is how their VMCOREINFO is found.
 */
class VmcoreInfoScanTest {
    static final String TEXT = "OSRELEASE=1.2.3\nPAGESIZE=4096\n";

    private static Optional<VmcoreInfoScanner.Found> scan(MachineImage m, Strategy s) {
        return VmcoreInfoScanner.scan(m, s, "test memory", Progress.NONE);
    }

    private static MachineImage memoryWith(long at, byte[] note) {
        MachineImage m = MachineImage.parse(Space.PHYSICAL, "0x10000..0x20000: ram\n0x40000..0x41000: ram");
        return m.put(at, note);
    }

    @Test
    void aNoteAtAPageStartIsFoundByBothStrategies() {
        MachineImage m = memoryWith(0x13000, BuiltXenHost.vmcoreinfoNote(TEXT));
        for (Strategy s : Strategy.values()) {
            VmcoreInfoScanner.Found f = scan(m, s).orElseThrow();
            assertEquals(0x13000, f.address());
            assertEquals(TEXT.length(), f.descriptorSize());
            assertEquals("1.2.3", f.info().osRelease().orElseThrow());
            assertEquals("found by scanning test memory: ELF note VMCOREINFO at physical 0x13000 (" + TEXT.length() + " bytes of text)",
                    f.info().origin());
        }
    }

    @Test
    void aNoteInsideAPageNeedsTheWordSearch() {
        MachineImage m = memoryWith(0x40124, BuiltXenHost.vmcoreinfoNote(TEXT));
        assertTrue(scan(m, Strategy.PAGE_START).isEmpty());
        assertEquals(0x40124, scan(m, Strategy.EVERY_WORD).orElseThrow().address());
    }

    @Test
    void aBigEndianHeaderIsFoundToo() {
        byte[] le = BuiltXenHost.vmcoreinfoNote(TEXT);
        ByteBuffer be = ByteBuffer.wrap(le.clone()).order(ByteOrder.BIG_ENDIAN);
        be.putInt(0, 11).putInt(4, TEXT.length()).putInt(8, 0);
        assertEquals("1.2.3", scan(memoryWith(0x15000, be.array()), Strategy.PAGE_START).orElseThrow().info().osRelease().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"type", "size", "text", "name"})
    void lookAlikesAreNotTaken(String spoil) {
        ByteBuffer b = ByteBuffer.wrap(BuiltXenHost.vmcoreinfoNote(TEXT)).order(ByteOrder.LITTLE_ENDIAN);
        switch (spoil) {
            case "type" -> b.putInt(8, 1);
            case "size" -> b.putInt(4, 2 << 20);
            case "text" -> b.put(24, (byte) 'X');
            default -> b.put(12 + 9, (byte) 'X');
        }
        for (Strategy s : Strategy.values()) {
            assertTrue(scan(memoryWith(0x16000, b.array()), s).isEmpty(), spoil + " " + s);
        }
    }

    @Test
    void aNoteRunningPastTheEndOfMemoryIsNotTaken() {
        byte[] note = BuiltXenHost.vmcoreinfoNote(TEXT);
        assertTrue(scan(memoryWith(0x40000 + 4096 - 30, note), Strategy.EVERY_WORD).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"armhf-6.1-armmp-qemu-live", "armhf-6.1-lpae-qemu-live"})
    void armDumpsWithoutTheVmcoreinfoDeviceGetItFromTheirMemory(String set) throws IOException {
        String[] where = Files.readString(Corpus.file(set, "truth/sys_kernel_vmcoreinfo.txt")).strip().split("\\s+");
        long address = Long.parseUnsignedLong(where[0].replace("0x", ""), 16);
        byte[] saved = Files.readAllBytes(Corpus.file(set, "qemu-truth/vmcoreinfo_note.pmemsave.bin"));
        int descsz = ByteBuffer.wrap(saved).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        VmcoreInfo truth = VmcoreInfo.parse(Arrays.copyOfRange(saved, 24, 24 + descsz), "truth");
        try (Session s = Session.open(Corpus.dump(set, "vmcore-qemu.elf"), OpenOptions.DEFAULT)) {
            VmcoreInfo info = s.dump().vmcoreinfo().orElseThrow();
            assertTrue(info.origin().contains("at physical " + dev.vmscope.core.Hex.of(address) + " "), info.origin());
            assertEquals(truth.entries(), info.entries());
        }
    }
}
