package dev.vmscope.core.format;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.PageKind;
import dev.vmscope.core.testing.kdump.PageRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks an opened dump against the spec it was built from: every pfn's bytes and kind as the
 * {@code @pages} section describes it, and every {@code @expect} line.
 */
public final class SpecChecks {
    private SpecChecks() {
    }

    /** The names of the {@code .spec} resources in a directory of the test class path. */
    public static Stream<String> specs(String directory) {
        try (Stream<Path> files = Files.list(Path.of(SpecChecks.class.getResource(directory).toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".spec")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every described pfn reads as described: RAM pages give their bytes, zero pages zeros; excluded
     * pages are reported as excluded (or read as zeros when {@code zeroExcluded}); holes and unwritten
     * pages as not in the dump.
     */
    public static void pages(KdumpSpec spec, Memory memory, boolean zeroExcluded) {
        int block = spec.header().blockSize();
        byte[] zeros = new byte[block];
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, PageRun> e : spec.runAt().entrySet()) {
            long address = e.getKey() * block;
            PageKind kind = e.getValue().kind();
            String where = spec.name() + " pfn " + Hex.of(e.getKey()) + " (" + e.getValue().origin() + ")";
            switch (kind) {
                case RAM -> assertArrayEquals(spec.pageBytes(e.getKey()), memory.read(address, block), where);
                case ZERO -> assertArrayEquals(zeros, memory.read(address, block), where);
                case EXCLUDED, UNWRITTEN -> {
                    if (zeroExcluded) {
                        assertArrayEquals(zeros, memory.read(address, block), where);
                    } else {
                        MemoryAccessException x = assertThrows(MemoryAccessException.class, () -> memory.read(address, 8), where);
                        assertEquals(kind == PageKind.EXCLUDED ? MemoryAccessException.Reason.EXCLUDED
                                : MemoryAccessException.Reason.NOT_IN_DUMP, x.reason(), where);
                    }
                }
                case HOLE -> assertThrows(MemoryAccessException.class, () -> memory.read(address, 8), where);
            }
            RangeKind expected = switch (kind) {
                case RAM, ZERO -> RangeKind.RAM;
                case EXCLUDED, UNWRITTEN -> RangeKind.EXCLUDED;
                case HOLE -> RangeKind.HOLE;
            };
            RangeKind actual = kindAt(memory, address);
            if (actual != expected && !(kind == PageKind.HOLE && actual == null)) {
                wrong.add(where + ": map says " + actual + ", expected " + expected);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static RangeKind kindAt(Memory memory, long address) {
        for (MemoryRange r : memory.ranges()) {
            if (r.contains(address)) {
                return r.kind();
            }
        }
        return null;
    }

    /** Every {@code @expect} line about the dump's facts and header fields. */
    public static void expectations(KdumpSpec spec, Dump dump) {
        for (KdumpSpec.Expect x : spec.expect()) {
            String v = x.value();
            String where = x.origin();
            switch (x.key()) {
                case "format" -> assertEquals(v, dump.format(), where);
                case "compression" -> assertEquals(v, dump.compression(), where);
                case "architecture" -> assertEquals(v, dump.architecture().id(), where);
                case "space" -> assertEquals(v, dump.memory().space().id(), where);
                case "cpus" -> assertEquals(Integer.parseInt(v), dump.cpuCount(), where);
                case "notes" -> assertEquals(v, String.join(" ", dump.notes().stream().map(SpecChecks::note).toList()), where);
                case "vmcoreinfo" -> {
                    String[] kv = v.split("=", 2);
                    assertEquals(kv[1], dump.vmcoreinfo().orElseThrow(() -> new AssertionError(where + ": no VMCOREINFO"))
                            .get(kv[0]).orElse(null), where);
                }
                case "no-vmcoreinfo" -> assertTrue(dump.vmcoreinfo().isEmpty(), where);
                case "ranges" -> assertEquals(v, String.join(" ", dump.memory().ranges().stream()
                        .map(r -> Hex.of(r.start()) + "-" + Hex.of(r.end()) + ":" + r.kind().id()).toList()), where);
                case "field" -> field(dump, v, where);
                case "section" -> assertTrue(dump.header().stream().anyMatch(f -> f.section().equals(v)),
                        where + ": no header section '" + v + "'");
                default -> throw new AssertionError(where + ": unknown expectation " + x.key());
            }
        }
    }

    private static String note(ElfNote n) {
        return n.name() + "/" + n.type() + "/" + n.size();
    }

    /** {@code NAME = VALUE} (the field's whole value) or {@code NAME ~ TEXT} (its value contains TEXT). */
    private static void field(Dump dump, String v, String where) {
        boolean contains = v.contains(" ~ ");
        String[] nv = v.split(contains ? " ~ " : " = ", 2);
        List<String> found = dump.header().stream().filter(f -> f.name().equals(nv[0])).map(FormatField::value).toList();
        assertTrue(!found.isEmpty(), where + ": no header field '" + nv[0] + "' in " + names(dump));
        assertTrue(found.stream().anyMatch(f -> contains ? f.contains(nv[1]) : f.equals(nv[1])),
                where + ": field '" + nv[0] + "' is " + found + ", expected " + (contains ? "to contain " : "") + nv[1]);
    }

    private static String names(Dump dump) {
        return Arrays.toString(dump.header().stream().map(FormatField::name).toArray());
    }
}
