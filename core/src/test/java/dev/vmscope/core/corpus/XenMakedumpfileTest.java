package dev.vmscope.core.corpus;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.Makedumpfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Xen host ELF converted by makedumpfile at test time (zero pages excluded with -d 1): zlib, lzo and
 * the flattened stream must give the ELF's bytes for every dumped page, report the zero pages as
 * excluded, and keep the Xen notes from the sub-header.
 */
class XenMakedumpfileTest {
    private static Session elf;
    private static final Map<String, Session> CONVERTED = new HashMap<>();

    @BeforeAll
    static void open() {
        elf = Session.open(Corpus.dump("xen", "x1-xen-kdump.vmcore"), OpenOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        elf.close();
        CONVERTED.values().forEach(Session::close);
    }

    private static synchronized Session converted(String kind) {
        return CONVERTED.computeIfAbsent(kind, k -> {
            Path in = Corpus.dump("xen", "x1-xen-kdump.vmcore");
            Path out = switch (k) {
                case "zlib" -> Makedumpfile.convert(in, "x1.makedumpfile-c-d1.kdump", "-c", "-d", "1");
                case "lzo" -> Makedumpfile.convert(in, "x1.makedumpfile-l-d1.kdump", "-l", "-d", "1");
                case "flattened" -> Makedumpfile.convert(in, "x1.makedumpfile-F-l-d1.flat", "-F", "-l", "-d", "1");
                default -> throw new IllegalArgumentException(k);
            };
            return Session.open(out, OpenOptions.DEFAULT);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "lzo", "flattened"})
    void dumpedPagesEqualTheElfAndZeroPagesAreExcluded(String kind) {
        Session kdump = converted(kind);
        assertEquals(Space.MACHINE, kdump.memory().space());
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        byte[] zero = new byte[4096];
        long dumped = 0;
        long excluded = 0;
        for (MemoryRange r : kdump.memory().ranges()) {
            for (long pa = r.start(); pa < r.end(); pa += 4096) {
                int inElf = readableInElf(pa);
                if (inElf == 0) {
                    continue;
                }
                elf.memory().read(pa, b, 0, inElf);
                if (r.kind() == RangeKind.RAM) {
                    kdump.memory().read(pa, a, 0, 4096);
                    if (!Arrays.equals(a, 0, inElf, b, 0, inElf)) {
                        throw new AssertionError(kind + ": page " + Hex.of(pa) + " differs from the ELF");
                    }
                    dumped++;
                } else if (r.kind() == RangeKind.EXCLUDED) {
                    if (!Arrays.equals(zero, 0, inElf, b, 0, inElf)) {
                        throw new AssertionError(kind + ": excluded page " + Hex.of(pa) + " is not a zero page in the ELF");
                    }
                    excluded++;
                }
            }
        }
        assertTrue(dumped > 10000, "dumped pages " + dumped);
        assertTrue(excluded >= 1, "excluded pages " + excluded);
    }

    /** How many bytes of the page at {@code pa} the ELF holds (its segments may end inside a page). */
    private static int readableInElf(long pa) {
        int n = 0;
        while (n < 4096 && elf.memory().isReadable(pa, n + 256)) {
            n += 256;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "flattened"})
    void excludedPagesAreReportedNotInvented(String kind) {
        Session kdump = converted(kind);
        MemoryRange ex = kdump.memory().ranges().stream().filter(r -> r.kind() == RangeKind.EXCLUDED).findFirst().orElseThrow();
        MemoryAccessException e = assertThrows(MemoryAccessException.class,
                () -> kdump.read(Space.MACHINE, ex.start(), 16));
        assertEquals(MemoryAccessException.Reason.EXCLUDED, e.reason());
    }

    @Test
    void zeroExcludedReadsFilteredPagesAsZeros() {
        Path file = Makedumpfile.convert(Corpus.dump("xen", "x1-xen-kdump.vmcore"), "x1.makedumpfile-c-d1.kdump", "-c", "-d", "1");
        try (Session s = Session.open(file, OpenOptions.DEFAULT.withZeroExcluded(true))) {
            MemoryRange ex = s.memory().ranges().stream().filter(r -> r.kind() == RangeKind.EXCLUDED).findFirst().orElseThrow();
            assertArrayEquals(new byte[64], s.read(Space.MACHINE, ex.start(), 64));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "lzo", "flattened"})
    void notesSurviveInTheSubHeader(String kind) {
        Session kdump = converted(kind);
        assertEquals(elf.dump().cpus().stream().filter(c -> c.source().equals(CpuState.XEN_CRASH_REGS)).toList(),
                kdump.dump().cpus().stream().filter(c -> c.source().equals(CpuState.XEN_CRASH_REGS)).toList());
        assertEquals(kind.equals("flattened") ? "kdump-flattened" : "kdump-compressed", kdump.dump().format());
        assertEquals(kind.equals("zlib") ? "zlib" : "lzo", kdump.dump().compression());
    }
}
