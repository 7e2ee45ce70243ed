package dev.vmscope.core.testing.lessons;

import elf4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every lesson dump from its spec. Run from the project root:
 * {@code java -cp core/target/test-classes:core/target/classes:<elf4j> dev.vmscope.core.testing.lessons.LessonSampleGenerator}.
 * The same bytes come out every time; {@code LessonSamplesTest} fails when a committed file differs.
 */
public final class LessonSampleGenerator {
    private static final Logger LOG = Logger.instance();

    private LessonSampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        for (String id : LessonSamples.IDS) {
            Path out = Path.of(LessonSamples.path(id, "vmcore"));
            byte[] bytes = LessonSamples.bytes(id);
            Files.write(out, bytes);
            LOG.atInfo().log("wrote {} ({} bytes)", out, bytes.length);
        }
    }
}
