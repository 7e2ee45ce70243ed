package dev.vmscope.core.testing.kdump;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's makedumpfile with {@code --split} (and {@code --reassemble}) on a corpus dump at test
 * time; the outputs are kept beside the restored dump. Outside CI a machine without makedumpfile skips
 * the test; under {@code CI=true} its absence fails it.
 */
public final class MakedumpfileSplit {
    private MakedumpfileSplit() {
    }

    /** The parts of {@code makedumpfile --split <options> input part1..partN}, written once. */
    public static synchronized List<Path> split(Path input, String name, int parts, String... options) {
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= parts; i++) {
            out.add(input.resolveSibling(name + ".split" + i));
        }
        if (out.stream().allMatch(Files::isRegularFile)) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of("makedumpfile", "--split"));
        cmd.addAll(List.of(options));
        cmd.add(input.toString());
        out.forEach(p -> cmd.add(p.toString()));
        run(cmd, out);
        return out;
    }

    /** {@code makedumpfile --reassemble part1..partN out}, written once. */
    public static synchronized Path reassemble(List<Path> parts, String name) {
        Path out = parts.getFirst().resolveSibling(name);
        if (Files.isRegularFile(out)) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of("makedumpfile", "--reassemble"));
        parts.forEach(p -> cmd.add(p.toString()));
        cmd.add(out.toString());
        run(cmd, List.of(out));
        return out;
    }

    private static void run(List<String> cmd, List<Path> outputs) {
        try {
            for (Path p : outputs) {
                Files.deleteIfExists(p);
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Assertions.assertTrue(p.waitFor(10, TimeUnit.MINUTES), "makedumpfile timed out");
            Assertions.assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed");
        } catch (IOException e) {
            if (Corpus.inCi()) {
                throw new UncheckedIOException("makedumpfile is not installed (CI=true: the split tests must run)", e);
            }
            Assumptions.abort("makedumpfile is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
