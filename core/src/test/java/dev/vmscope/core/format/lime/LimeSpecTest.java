package dev.vmscope.core.format.lime;

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
import java.util.stream.Stream;

/** LiME files written from the specs beside this test are recognised by content and read back as described. */
class LimeSpecTest {
    private static final String DIR = "/dev/vmscope/core/format/lime/";

    @TempDir
    Path dir;

    static Stream<String> specs() {
        return SpecChecks.specs(DIR);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void readsBackAsDescribed(String name) {
        KdumpSpec spec = KdumpSpecParser.resource(DIR + name);
        try (Dump dump = DumpFormats.open(SpecFiles.write(spec, dir).getFirst())) {
            SpecChecks.expectations(spec, dump);
            SpecChecks.pages(spec, dump.memory(), false);
        }
    }
}
