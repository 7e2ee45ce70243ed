package dev.vmscope.core.format.minidump;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.minidump.MinidumpBuilder;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.lastFlags;
import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 32-bit minidumps. i386 (sys/i386/include/minidump.h): one PTE per 4 KiB page from kernbase, 4 bytes wide,
 * or 8 with {@code paemode} (Intel SDM vol. 3, 4.3 and 4.4); version 2 adds dump_avail of 64-bit addresses.
 * arm (sys/arm/include/minidump.h): one second-level entry per 4 KiB page, in the format {@code mmuformat}
 * names: 1 ARMv4/v5 (ARM DDI 0100 B3.3), 2 ARMv6/v7 short descriptors (ARMv7-A ARM B3.5; 0, unknown, reads
 * as this, as libkvm does), 3 LPAE level-3 descriptors, 8 bytes (B3.6); version 2 adds dump_avail of
 * 32-bit addresses. Neither has a direct map.
 */
class MinidumpI386ArmTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static Session open(MinidumpBuilder b) {
        return Session.open(b.storage(), OpenOptions.DEFAULT);
    }

    @Test
    void i386WithoutPae() {
        MinidumpBuilder b = MinidumpBuilder.i386(1, false).kernbase(0xc000_0000L).messages("i386\n")
                .entries(0x00100063L,       // [0]: page 0x100000, P RW A D
                        0x00101025L)        // [1]: page 0x101000, P US A, read-only
                .page(0x100000, "i386 kernel").page(0x101000, "user page");
        try (Session s = open(b)) {
            assertEquals(Architecture.I386, s.dump().architecture());
            assertEquals("x86-32", s.kernel().orElseThrow().mode().id());
            Translation t = s.translate(0xc000_0008L);
            assertEquals(List.of("PTE array 0x3000[0] = 0x100063"), steps(t));
            assertEquals("0x100008 0x1000 rw kernel x", result(t));
            assertEquals("0x101000 0x1000 ro user x", result(s.translate(0xc000_1000L)));
            assertEquals("i386 kernel", text(s.read(Space.KERNEL_VIRTUAL, 0xc000_0000L, 11)));
            Translation below = s.translate(0xbfff_f000L);
            assertEquals(FaultKind.INVALID_ADDRESS, below.fault().orElseThrow().kind());
            assertEquals("not in the dump's kernel map", below.fault().orElseThrow().reason());
        }
    }

    @Test
    void i386WithPaeReachesAboveFourGib() {
        MinidumpBuilder b = MinidumpBuilder.i386(2, true).kernbase(0xc000_0000L)
                .avail(0x0, 0xa0000).avail(0x1_0000_0000L, 0x1_0010_0000L)
                .entries(0x8000000100002063L)   // [0]: page 0x100002000, P RW A D XD
                .page(0x1_0000_2000L, "above 4 GiB");
        // dump_avail: 0xa0 pages from 0, then the range above 4 GiB from bit 0xa0
        assertEquals(0xa0 + 2, b.bitOf(0x1_0000_2000L));
        try (Session s = open(b)) {
            assertEquals("x86-pae", s.kernel().orElseThrow().mode().id());
            assertEquals("0x100002abc 0x1000 rw kernel nx", result(s.translate(0xc000_0abcL)));
            assertEquals("above 4 GiB", text(s.read(Space.KERNEL_VIRTUAL, 0xc000_0000L, 11)));
        }
    }

    @Test
    void armV6SmallAndLargePages() {
        MinidumpBuilder b = MinidumpBuilder.arm(1, 2).kernbase(0xc000_0000L);
        long[] entries = new long[32];
        entries[0] = 0x80001012L;                           // small page 0x80001000, AP = 001 (PL1 read/write)
        for (int i = 16; i < 32; i++) {
            entries[i] = 0x80108031L;                       // large page 0x80100000, XN (bit 15), AP = 011
        }
        b.entries(entries).page(0x8000_1000L, "arm small").page(0x8010_5000L, "arm large + 5");
        try (Session s = open(b)) {
            assertEquals(Architecture.ARM, s.dump().architecture());
            assertEquals("arm-short", s.kernel().orElseThrow().mode().id());
            assertEquals("0x80001abc 0x1000 rw kernel x", result(s.translate(0xc000_0abcL)));
            // entry 21 repeats the large page: PA = entry bits 31:16 | VA bits 15:0
            Translation large = s.translate(0xc001_5abcL);
            assertEquals("PTE array", large.steps().getFirst().level());
            assertEquals(21, large.steps().getFirst().index());
            assertEquals("0x80105abc 0x10000 rw user nx", result(large));
            assertEquals(List.of("large", "tex=0", "ap=rw", "xn"), lastFlags(large));
            assertEquals("arm large + 5", text(s.read(Space.KERNEL_VIRTUAL, 0xc001_5000L, 13)));
            assertEquals("NOT_PRESENT at PTE array: PTE array entry not present (PTE array[1] = 0x0)",
                    result(s.translate(0xc000_1000L)));
        }
    }

    @Test
    void armUnknownMmuFormatReadsAsV6() {
        MinidumpBuilder b = MinidumpBuilder.arm(1, 0).kernbase(0xc000_0000L).entries(0x80001012L).page(0x8000_1000L, "x");
        try (Session s = open(b)) {
            assertEquals("arm-short", s.kernel().orElseThrow().mode().id());
        }
    }

    @Test
    void armV4EntriesHaveSubpagePermissions() {
        // small page 0x80001000, type 10, AP3..AP0 = 11, C B
        MinidumpBuilder b = MinidumpBuilder.arm(1, 1).kernbase(0xc000_0000L).entries(0x80001ffeL).page(0x8000_1000L, "v4");
        try (Session s = open(b)) {
            assertEquals("arm-short-v5", s.kernel().orElseThrow().mode().id());
            Translation t = s.translate(0xc000_0010L);
            assertEquals("0x80001010 0x1000 rw user x", result(t));
            assertEquals(List.of("small", "b", "c", "ap=rw"), lastFlags(t));
        }
    }

    @Test
    void armLpaeEntriesAreEightBytesAndDumpAvailThirtyTwoBits() {
        MinidumpBuilder b = MinidumpBuilder.arm(2, 3).kernbase(0xc000_0000L).avail(0x8000_0000L, 0x9000_0000L)
                .entries(0x0000000080001403L)   // L3 page 0x80001000, AF
                .page(0x8000_1000L, "lpae");
        assertEquals(1, b.bitOf(0x8000_1000L));
        try (Session s = open(b)) {
            assertEquals("arm-lpae", s.kernel().orElseThrow().mode().id());
            assertEquals("0x80001234 0x1000 rw kernel x", result(s.translate(0xc000_0234L)));
            assertEquals("lpae", text(s.read(Space.KERNEL_VIRTUAL, 0xc000_0000L, 4)));
        }
    }
}
