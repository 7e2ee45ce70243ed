package dev.vmscope.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The shared corpus of real dumps ({@code ../shared/corpus}). Tests that need it call {@link #root()}:
 * outside CI they are skipped when the corpus is absent; under {@code CI=true} its absence fails them.
 * Compressed dumps ({@code .zst}) are restored once into {@code target/corpus-cache}.
 */
public final class Corpus {
    private Corpus() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static Path root() {
        String configured = System.getProperty("vmscope.corpus");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(root)) {
            if (inCi()) {
                Assertions.fail("the shared corpus is missing at " + root.toAbsolutePath()
                        + " (CI=true: corpus tests must run)");
            }
            Assumptions.abort("shared corpus not present at " + root.toAbsolutePath());
        }
        return root;
    }

    /** A file of the corpus, e.g. {@code file("x86_64-6.1-qemu-live", "addrs.tsv")}. */
    public static Path file(String set, String relative) {
        Path p = root().resolve(set).resolve(relative);
        Assertions.assertTrue(Files.exists(p), "corpus file missing: " + p);
        return p;
    }

    /**
     * A dump of the corpus, restored if it is stored compressed: {@code dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf")}
     * finds {@code dumps/vmcore-qemu.elf} or restores {@code dumps/vmcore-qemu.elf.zst}.
     */
    public static synchronized Path dump(String set, String name) {
        Path dumps = root().resolve(set).resolve("dumps");
        Path plain = dumps.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path zst = dumps.resolve(name + ".zst");
        Assertions.assertTrue(Files.isRegularFile(zst), "corpus dump missing: " + plain + " (or .zst)");
        Path cache = cacheDir().resolve(set).resolve(name);
        if (Files.isRegularFile(cache)) {
            return cache;
        }
        try {
            Files.createDirectories(cache.getParent());
            Path partial = Files.createTempFile(cache.getParent(), name, ".partial");
            try {
                decompress(zst, partial);
                Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + zst, e);
        }
        return cache;
    }

    private static Path cacheDir() {
        String configured = System.getProperty("vmscope.testdata");
        return configured != null ? Path.of(configured) : Path.of("target", "corpus-cache");
    }

    /** The zstd tool when the machine has it (fast); otherwise a pure-Java decoder. */
    private static void decompress(Path zst, Path out) throws IOException {
        if (zstdTool(zst, out)) {
            return;
        }
        try (InputStream in = new io.airlift.compress.v3.zstd.ZstdInputStream(
                new BufferedInputStream(Files.newInputStream(zst), 1 << 20));
             OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            in.transferTo(o);
        }
    }

    private static boolean zstdTool(Path zst, Path out) {
        try {
            Process p = new ProcessBuilder("zstd", "-d", "-q", "-f", "--long=31", zst.toString(), "-o", out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
