package dev.vmscope.core.format.convert;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.SourceSpec;
import dev.vmscope.core.format.SpecChecks;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.testing.kdump.ImageWriter;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.PageKind;
import dev.vmscope.core.testing.kdump.PageRun;
import dev.vmscope.core.testing.kdump.SpecFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built variant (each kdump layout and codec, flattened, split, LiME, raw) converted to an ELF
 * vmcore and to a raw image, re-opened, gives the same bytes for every page, leaves out what the source
 * leaves out (or writes it as zeros on request), and keeps the notes and VMCOREINFO.
 */
class ConvertSpecTest {
    @TempDir
    Path dir;

    static Stream<String> specs() {
        return Stream.of("kdump", "lime", "raw").flatMap(d -> SpecChecks.specs("/dev/vmscope/core/format/" + d + "/")
                .map(n -> "/dev/vmscope/core/format/" + d + "/" + n));
    }

    private Dump open(KdumpSpec spec, List<Path> files) {
        if (spec.output().format().equals("raw")) {
            return DumpFormats.open(SourceSpec.parse(files.getFirst() + "@" + Hex.of(ImageWriter.rawBase(spec))), false, Progress.NONE);
        }
        return DumpFormats.open(files, false, Progress.NONE);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void toElfAndBack(String resource) {
        KdumpSpec spec = KdumpSpecParser.resource(resource);
        List<Path> files = SpecFiles.write(spec, dir);
        Path out = dir.resolve("converted.elf");
        try (Dump source = open(spec, files)) {
            ConvertResult r = DumpConverter.convert(source, files, out, ConvertOptions.elf().withThreads(3), Progress.NONE);
            try (Dump elf = DumpFormats.open(out)) {
                assertEquals(source.architecture(), elf.architecture());
                assertEquals(Integer.toString(r.segments()), field(elf, "PT_LOAD segments"));
                assertEquals(source.architecture().pointerSize() == 8 ? "ELF64" : "ELF32", field(elf, "class"));
                samePages(spec, source, elf.memory(), false);
                sameNotes(source, elf);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void toElfWithExcludedPagesAsZeros(String resource) {
        KdumpSpec spec = KdumpSpecParser.resource(resource);
        List<Path> files = SpecFiles.write(spec, dir);
        Path out = dir.resolve("converted-zero.elf");
        try (Dump source = open(spec, files)) {
            DumpConverter.convert(source, files, out, ConvertOptions.elf().withZeroFillExcluded(true), Progress.NONE);
            try (Dump elf = DumpFormats.open(out)) {
                samePages(spec, source, elf.memory(), true);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void toRawAndBack(String resource) {
        KdumpSpec spec = KdumpSpecParser.resource(resource);
        List<Path> files = SpecFiles.write(spec, dir);
        Path out = dir.resolve("converted.raw");
        try (Dump source = open(spec, files)) {
            ConvertResult r = DumpConverter.convert(source, files, out, ConvertOptions.raw(), Progress.NONE);
            try (Dump raw = DumpFormats.openRaw(out, r.rawBase())) {
                for (Map.Entry<Long, PageRun> e : spec.runAt().entrySet()) {
                    long a = e.getKey() * spec.header().blockSize();
                    if (source.memory().isReadable(a, spec.header().blockSize())) {
                        assertArrayEquals(source.memory().read(a, spec.header().blockSize()),
                                raw.memory().read(a, spec.header().blockSize()), resource + " pfn " + Hex.of(e.getKey()));
                    }
                }
            }
        }
    }

    static String field(Dump d, String name) {
        return d.header().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }

    /** Present pages equal; excluded and unwritten pages absent (or zeros); holes absent or, inside a raw source, zeros. */
    private static void samePages(KdumpSpec spec, Dump source, Memory elf, boolean zeroFill) {
        int block = spec.header().blockSize();
        for (Map.Entry<Long, PageRun> e : spec.runAt().entrySet()) {
            long a = e.getKey() * block;
            String where = spec.name() + " pfn " + Hex.of(e.getKey());
            PageKind k = e.getValue().kind();
            boolean inSource = source.memory().isReadable(a, block);
            if (inSource) {
                assertArrayEquals(source.memory().read(a, block), elf.read(a, block), where);
            } else if (zeroFill && (k == PageKind.EXCLUDED || k == PageKind.UNWRITTEN)) {
                assertArrayEquals(new byte[block], elf.read(a, block), where);
            } else {
                assertThrows(MemoryAccessException.class, () -> elf.read(a, 8), where);
            }
        }
    }

    private static void sameNotes(Dump source, Dump elf) {
        List<ElfNote> expected = source.notes();
        List<ElfNote> got = elf.notes();
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).name(), got.get(i).name());
            assertEquals(expected.get(i).type(), got.get(i).type());
            assertTrue(Arrays.equals(expected.get(i).descriptor(), got.get(i).descriptor()), "note " + i);
        }
        boolean sourceHadNote = expected.stream().anyMatch(n -> n.name().equals(NoteTypes.VMCOREINFO));
        assertEquals(expected.size() + (source.vmcoreinfo().isPresent() && !sourceHadNote ? 1 : 0), got.size());
        assertEquals(source.vmcoreinfo().map(v -> v.entries()), elf.vmcoreinfo().map(v -> v.entries()));
    }
}
