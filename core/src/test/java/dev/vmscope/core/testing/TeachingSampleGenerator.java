package dev.vmscope.core.testing;

import elf4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the teaching sample. Run from the project root (or give the output path):
 * {@code java -cp core/target/test-classes:core/target/classes:<elf4j> dev.vmscope.core.testing.TeachingSampleGenerator}.
 * The same bytes come out every time; {@code TeachingSampleTest} fails when the committed file differs.
 */
public final class TeachingSampleGenerator {
    private static final Logger LOG = Logger.instance();

    private TeachingSampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : TeachingSample.PATH);
        byte[] bytes = ElfCoreWriter.write(TeachingSample.spec()).bytes();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, bytes);
        LOG.atInfo().log("wrote {} ({} bytes)", out, bytes.length);
    }
}
