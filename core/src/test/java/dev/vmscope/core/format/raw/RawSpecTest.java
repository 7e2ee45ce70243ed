package dev.vmscope.core.format.raw;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.SourceSpec;
import dev.vmscope.core.format.SpecChecks;
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
import java.util.stream.Stream;

/** Raw images written from the specs beside this test, opened as {@code FILE@ADDR}, read back as described. */
class RawSpecTest {
    private static final String DIR = "/dev/vmscope/core/format/raw/";

    @TempDir
    Path dir;

    static Stream<String> specs() {
        return SpecChecks.specs(DIR);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void readsBackAsDescribed(String name) {
        KdumpSpec spec = KdumpSpecParser.resource(DIR + name);
        Path file = SpecFiles.write(spec, dir).getFirst();
        SourceSpec source = SourceSpec.parse(file + "@" + Hex.of(ImageWriter.rawBase(spec)));
        try (Dump dump = DumpFormats.open(source, false, Progress.NONE)) {
            SpecChecks.expectations(spec, dump);
            // inside an image every byte is memory: a described hole reads as zeros
            SpecChecks.pages(spec.withPages(spec.pages().stream().map(r -> r.kind() == PageKind.HOLE
                    ? new PageRun(r.from(), r.to(), PageKind.ZERO, r.codec(), r.origin()) : r).toList()), dump.memory(), false);
        }
    }
}
