package dev.vmscope.core.testing.lessons;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.SampleFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every committed lesson dump is exactly what its spec describes, stays small, and opens. */
class LessonSamplesTest {
    private static final java.util.List<String> IDS = LessonSamples.IDS;
    /** The architecture each dump's ELF header names. */
    private static final Map<String, String> ARCH = Map.of("x86-32", "i386", "x86-pae", "i386",
            "x86_64-5level", "x86_64", "aarch64-4k-48", "aarch64", "arm-lpae", "arm", "xen-p2m", "x86_64");

    @ParameterizedTest
    @FieldSource("IDS")
    void committedDumpIsWhatItsSpecDescribes(String id) throws IOException {
        byte[] regenerated = LessonSamples.bytes(id);
        Path file = SampleFiles.locate(LessonSamples.path(id, "vmcore"));
        assertArrayEquals(regenerated, Files.readAllBytes(file), file + " differs from its spec: run LessonSampleGenerator");
        assertTrue(regenerated.length <= 128 * 1024, id + " stays small: " + regenerated.length + " bytes");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void dumpOpensAsAnElfCoreOfItsArchitecture(String id) {
        try (Session s = Session.open(SampleFiles.locate(LessonSamples.path(id, "vmcore")), OpenOptions.DEFAULT)) {
            assertEquals(ARCH.get(id), s.dump().architecture().id());
        }
    }
}
