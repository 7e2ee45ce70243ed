package dev.vmscope.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The x86-64 set's saved {@code /proc/kallsyms} ({@code truth/kallsyms.txt.xz}), decompressed once with
 * the {@code xz} tool into {@code target/corpus-cache} (skipped outside CI when xz is absent).
 */
public final class KallsymsFile {
    public static final String SET = "x86_64-6.1-qemu-live";

    private KallsymsFile() {
    }

    public static synchronized Path get() {
        Path xz = Corpus.file(SET, "truth/kallsyms.txt.xz");
        Path out = Path.of("target", "corpus-cache", SET, "kallsyms.txt");
        if (Files.isRegularFile(out)) {
            return out;
        }
        try {
            Files.createDirectories(out.getParent());
            Path partial = Files.createTempFile(out.getParent(), "kallsyms", ".partial");
            Process p = new ProcessBuilder("xz", "-dc", xz.toString()).redirectOutput(partial.toFile()).start();
            Assertions.assertTrue(p.waitFor(2, TimeUnit.MINUTES), "xz timed out");
            Assertions.assertEquals(0, p.exitValue(), "xz -dc " + xz + " failed");
            return Files.move(partial, out);
        } catch (IOException e) {
            if (Corpus.inCi()) {
                Assertions.fail("the xz tool is needed for truth/kallsyms.txt.xz (CI=true)");
            }
            Assumptions.abort("the xz tool is not installed");
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
