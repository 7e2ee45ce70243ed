package dev.vmscope.core.format.kdump;

import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.SpecChecks;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.SpecFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every compressed kdump variant described in {@code src/test/resources/dev/vmscope/core/format/kdump}
 * is written by the test-side writer, opened by content, and must read back exactly as described.
 */
class KdumpSpecTest {
    private static final String DIR = "/dev/vmscope/core/format/kdump/";

    @TempDir
    Path dir;

    static Stream<String> specs() {
        return SpecChecks.specs(DIR);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void readsBackAsDescribed(String name) {
        KdumpSpec spec = KdumpSpecParser.resource(DIR + name);
        List<Path> files = SpecFiles.write(spec, dir);
        try (Dump dump = DumpFormats.open(files, false, Progress.NONE)) {
            SpecChecks.expectations(spec, dump);
            SpecChecks.pages(spec, dump.memory(), false);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void excludedPagesReadAsZerosOnRequest(String name) {
        KdumpSpec spec = KdumpSpecParser.resource(DIR + name);
        List<Path> files = SpecFiles.write(spec, dir);
        try (Dump dump = DumpFormats.open(files, true, Progress.NONE)) {
            SpecChecks.pages(spec, dump.memory(), true);
        }
    }
}
