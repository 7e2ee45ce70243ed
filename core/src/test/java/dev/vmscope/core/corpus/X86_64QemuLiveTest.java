package dev.vmscope.core.corpus;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The x86-64 QEMU ELF dump against libkdumpfile's and QEMU's truth. */
class X86_64QemuLiveTest extends LibkdumpfileTruthTest {
    static final String SET = "x86_64-6.1-qemu-live";

    @Override
    String set() {
        return SET;
    }

    @Override
    String dump() {
        return "vmcore-qemu.elf";
    }

    @Test
    void qemuNotesGiveEachCpusCr3() {
        assertEquals(0x2bbe000L, session.cpuPageTableRoot(0).orElseThrow());
        assertEquals(0x2b92000L, session.cpuPageTableRoot(1).orElseThrow());
    }

    @Test
    void kernelFactsComeFromVmcoreinfo() {
        var k = session.kernel().orElseThrow();
        assertEquals("x86_64-4level", k.mode().id());
        assertEquals(-0x7e00000L, k.physBase());
        assertEquals(0xe000000L, k.kaslrOffset());
        assertEquals(0x10a10000L - 0x7e00000L, k.pageTableRoot());
        assertEquals("6.1.0-56-amd64", k.release().orElseThrow());
        assertEquals("elf-qemu", session.dump().format());
    }

    @Test
    void aliasesOfAPhysicalAddressStartWithTheDirectMap() {
        // _stext is at physical 0x7200000 (truth), and page_offset_base is 0xffff8c9b00000000 (README)
        List<Long> aliases = session.virtualAliases(0x7200000L, Progress.NONE);
        assertEquals(0xffff8c9b00000000L + 0x7200000L, aliases.getFirst());
        assertTrue(aliases.contains(0xffffffff8f000000L), "kernel text alias of _stext");
    }

    @Test
    void everyPagePresentInTheKdumpHasTheElfsBytes() {
        try (Session kdump = Session.open(Corpus.dump(SET, "vmcore-qemu.kdump-zlib"), OpenOptions.DEFAULT)) {
            assertEquals("kdump-compressed", kdump.dump().format());
            assertEquals("zlib", kdump.dump().compression());
            assertEquals(session.kernel().orElseThrow().pageTableRoot(), kdump.kernel().orElseThrow().pageTableRoot());
            byte[] a = new byte[4096];
            byte[] b = new byte[4096];
            long compared = 0;
            for (var r : kdump.memory().ranges()) {
                if (r.kind() != RangeKind.RAM) {
                    continue;
                }
                for (long pa = r.start(); pa < r.end(); pa += 4096) {
                    if (!session.memory().isReadable(pa, 4096)) {
                        continue;
                    }
                    kdump.memory().read(pa, a, 0, 4096);
                    session.memory().read(pa, b, 0, 4096);
                    if (!Arrays.equals(a, b)) {
                        throw new AssertionError("page " + Hex.of(pa) + " differs between the kdump and the ELF");
                    }
                    compared++;
                }
            }
            assertTrue(compared > 40000, "pages compared: " + compared);
        }
    }
}
