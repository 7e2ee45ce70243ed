package dev.vmscope.core.format.minidump;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.minidump.MinidumpBuilder;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.lastFlags;
import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * arm64 minidumps (sys/arm64/include/minidump.h; sys/arm64/arm64/minidump_machdep.c): one level-3
 * descriptor per page from kernbase (blocks are written as pages), stage 1 AArch64 descriptors with a
 * 48-bit VA (Arm ARM D8.3); the direct map is linear, dmapbase at physical dmapphys; version 2 adds
 * dump_avail; version 3 says the page size in its flags (0: 4 KiB, 1: 16 KiB), the header page being one
 * page of that size.
 */
class MinidumpArm64Test {
    private static final long KERNBASE = 0xffff_0000_0000_0000L;
    private static final long DMAP = 0xffff_a000_0000_0000L;

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static MinidumpBuilder fourKib(int version) {
        MinidumpBuilder b = MinidumpBuilder.arm64(version, 4096).kernbase(KERNBASE)
                .directMap(DMAP, DMAP + 0x1_0000_0000L, 0x4000_0000L).messages("arm64\n")
                .entries(0x0000000040001703L,   // [0]: page 0x40001000, AF, SH inner
                        0x0060000040002783L)    // [1]: page 0x40002000, AF, SH inner, read-only, PXN, UXN
                .page(0x4000_1000L, "arm64 kernel").page(0x4000_2000L, "rodata").page(0x4000_5000L, "dmap page");
        if (version >= 2) {
            b.avail(0x4000_0000L, 0x8000_0000L);
        }
        return b;
    }

    @Test
    void everyVersionWithFourKibPages() {
        for (int version = 1; version <= 3; version++) {
            try (Session s = Session.open(fourKib(version).storage(), OpenOptions.DEFAULT)) {
                assertEquals(Architecture.AARCH64, s.dump().architecture());
                assertEquals("aarch64-4k-48", s.kernel().orElseThrow().mode().id());
                Translation t = s.translate(KERNBASE + 0x10);
                assertEquals("L3 array", t.steps().getFirst().level());
                assertEquals("0x40001010 0x1000 rw kernel x", result(t), "version " + version);
                assertEquals("0x40002000 0x1000 ro kernel nx", result(s.translate(KERNBASE + 0x1000)));
                assertEquals(List.of("valid", "page", "attrindx=0", "ro", "sh=inner", "af", "pxn", "uxn"),
                        lastFlags(s.translate(KERNBASE + 0x1000)));
                assertEquals("arm64 kernel", text(s.read(Space.KERNEL_VIRTUAL, KERNBASE, 12)));
            }
        }
    }

    @Test
    void directMapStartsAtDmapphys() {
        try (Session s = Session.open(fourKib(2).storage(), OpenOptions.DEFAULT)) {
            Translation t = s.translate(DMAP + 0x5008);
            assertEquals(List.of(), t.steps());
            assertEquals("0x40005008 0x1000 rw kernel nx", result(t));
            assertEquals("dmap page", text(s.read(Space.KERNEL_VIRTUAL, DMAP + 0x5000, 9)));
        }
    }

    @Test
    void version3WithSixteenKibPages() {
        MinidumpBuilder b = MinidumpBuilder.arm64(3, 16384).kernbase(KERNBASE).directMap(DMAP, DMAP + 0x1_0000_0000L, 0x4000_0000L)
                .avail(0x4000_0000L, 0x4800_0000L)
                .entries(0x0000000040004703L)   // [0]: 16 KiB page 0x40004000, AF, SH inner
                .page(0x4000_4000L, "sixteen kib page");
        assertEquals(1, b.bitOf(0x4000_4000L));
        try (Session s = Session.open(b.storage(), OpenOptions.DEFAULT)) {
            assertEquals("aarch64-16k-48", s.kernel().orElseThrow().mode().id());
            // the header page, dump_avail and the bitmap take one 16 KiB page each: the array is at 0xc000
            assertEquals(List.of("L3 array 0xc000[0] = 0x40004703"), steps(s.translate(KERNBASE + 0x1234)));
            assertEquals("0x40005234 0x4000 rw kernel x", result(s.translate(KERNBASE + 0x1234)));
            assertEquals("sixteen kib page", text(s.read(Space.KERNEL_VIRTUAL, KERNBASE, 16)));
            assertTrue(s.dump().header().contains(new FormatField("layout", "page size", "16384")));
        }
    }
}
