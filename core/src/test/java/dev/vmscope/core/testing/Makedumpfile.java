package dev.vmscope.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs Debian's makedumpfile (zlib and lzo; no snappy or zstd in that build) to produce compressed and
 * flattened dumps from corpus dumps at test time. Outside CI a machine without it skips those tests;
 * under {@code CI=true} its absence fails them.
 */
public final class Makedumpfile {
    private Makedumpfile() {
    }

    /**
     * Converts {@code input} with the given options into a cached output named {@code name}; with
     * {@code -F} the flattened stream is captured from standard output.
     */
    public static Path convert(Path input, String name, String... options) {
        boolean flattened = List.of(options).contains("-F");
        return produce(input.resolveSibling(name), partial -> {
            List<String> cmd = new ArrayList<>(List.of("makedumpfile"));
            cmd.addAll(List.of(options));
            cmd.add(input.toString());
            if (!flattened) {
                cmd.add(partial.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            return flattened ? pb.redirectOutput(partial.toFile()) : pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        });
    }

    /** {@code makedumpfile -R}: the flattened stream {@code flattened} rearranged into a cached file named {@code name}. */
    public static Path rearrange(Path flattened, String name) {
        return produce(flattened.resolveSibling(name), partial -> new ProcessBuilder("makedumpfile", "-R", partial.toString())
                .redirectInput(flattened.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD));
    }

    /** Runs the command made for a temporary name beside {@code out}, then moves its result to {@code out} (kept as a cache). */
    private static synchronized Path produce(Path out, Function<Path, ProcessBuilder> command) {
        if (Files.isRegularFile(out)) {
            return out;
        }
        require();
        try {
            Path partial = Files.createTempFile(out.getParent(), out.getFileName().toString(), ".partial");
            Files.delete(partial);
            ProcessBuilder pb = command.apply(partial);
            Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Assertions.assertTrue(p.waitFor(10, TimeUnit.MINUTES), "makedumpfile timed out");
            Assertions.assertEquals(0, p.exitValue(), String.join(" ", pb.command()) + " failed");
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void require() {
        boolean present = false;
        try {
            Process p = new ProcessBuilder("makedumpfile", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            present = p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!present) {
            if (Corpus.inCi()) {
                Assertions.fail("makedumpfile is not installed (CI=true: the conversion tests must run)");
            }
            Assumptions.abort("makedumpfile is not installed");
        }
    }
}
