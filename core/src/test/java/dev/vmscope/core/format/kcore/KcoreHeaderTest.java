package dev.vmscope.core.format.kcore;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the real /proc/kcore header of the corpus kernel (ELF header, 8 program headers, notes; no
 * memory) says on its own, and how variants of it are told apart from other ELF cores.
 */
class KcoreHeaderTest {

    private static byte[] header() throws IOException {
        return Files.readAllBytes(Corpus.file("x86_64-6.1-qemu-live", "truth/kcore.header.bin"));
    }

    @Test
    void theHeaderAloneIsAKcoreWithNoSegmentSaved() throws IOException {
        try (Dump d = DumpFormats.open(new ByteArrayStorage("kcore.header", header()))) {
            assertEquals("kcore", d.format());
            assertEquals("6.1.0-56-amd64", d.vmcoreinfo().orElseThrow().osRelease().orElseThrow());
            assertEquals(4, d.notes().size(), "PRSTATUS, PRPSINFO, TASKSTRUCT, VMCOREINFO");
            assertTrue(d.memory().ranges().isEmpty());
            assertTrue(d.header().stream().anyMatch(f -> f.name().equals("[1] 0xffffffff8f000000-0xffffffff92430000")
                    && f.value().equals("physical 0x7200000-0xa630000, not saved in this file")));
            assertTrue(d.header().stream().anyMatch(f -> f.name().equals("[2] 0xffffd23140000000-0xfffff2313fffffff")
                    && f.value().startsWith("virtual only")));
        }
    }

    @Test
    void withoutPhysicalAddressesAsBeforeLinux411ItIsUnsupported() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(header()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            int at = 0x40 + i * 56;
            if (b.getInt(at) == 1) {
                b.putLong(at + 24, 0);
            }
        }
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class,
                () -> DumpFormats.open(new ByteArrayStorage("old-kcore", b.array())));
        assertTrue(e.getMessage().contains("before Linux 4.11"), e.getMessage());
    }

    @Test
    void aProcessCoreWithItsAuxiliaryVectorIsNoKcore() throws IOException {
        byte[] h = header();
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        int note = 0x200;
        int seen = 0;
        while (note < h.length && seen < 4) {
            int namesz = b.getInt(note);
            int descsz = b.getInt(note + 4);
            int type = b.getInt(note + 8);
            if (type == 4) {
                b.putInt(note + 8, 6); // NT_TASKSTRUCT becomes NT_AUXV
            }
            note += 12 + ((namesz + 3) & ~3) + ((descsz + 3) & ~3);
            seen++;
        }
        assertNotEquals(true, new KcoreFormat().claims(new ByteArrayStorage("process-core", h)));
        // the ELF reader then claims it, and its segments lie outside the file
        assertThrows(DumpFormatException.class, () -> DumpFormats.open(new ByteArrayStorage("process-core", h)));
    }

    @Test
    void aQemuElfIsNoKcore() {
        try (Dump d = DumpFormats.open(Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf"))) {
            assertEquals("elf-qemu", d.format());
        }
    }
}
