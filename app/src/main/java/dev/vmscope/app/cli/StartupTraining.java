package dev.vmscope.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run behind the command line's ahead-of-time cache: every command once, in one JVM, on the
 * bundled teaching sample, so that the cache the build writes from this run ({@code -XX:AOTCacheOutput},
 * see {@code packaging/linux/startup-archive}) holds the classes a command loads, already linked, and the
 * profiles of its hot methods. Output is discarded; a command that fails stops the build.
 *
 * <pre>java -XX:AOTCacheOutput=vmscope-cli.aot -cp … dev.vmscope.app.cli.StartupTraining SAMPLE WORK_DIR</pre>
 */
public final class StartupTraining {
    /** Lines of the batch translation's input: enough for the translator's loop to be profiled. */
    private static final int BATCH_ADDRESSES = 200_000;

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StartupTraining SAMPLE WORK_DIR");
        }
        String sample = args[0];
        Path work = Files.createDirectories(Path.of(args[1]));
        Path addresses = work.resolve("addresses.txt");
        Files.writeString(addresses, batchInput(), StandardCharsets.US_ASCII);
        for (List<String> command : commands(sample, addresses, work)) {
            run(command);
        }
    }

    private static List<List<String>> commands(String sample, Path addresses, Path work) {
        return List.of(
                List.of("--help"),
                List.of("info", sample),
                List.of("info", "--json", sample),
                List.of("vtop", sample, "0xffffffff81000000", "0xffff888002000000"),
                List.of("vtop", "--json", sample, "0xffffffff81000000"),
                List.of("vtop", sample, "--from", addresses.toString(), "--brief"),
                List.of("rd", sample, "0xffff888002000000", "--length", "256"),
                List.of("rd", sample, "0x2000000", "--physical", "--length", "64"),
                List.of("regs", sample),
                List.of("map", sample),
                List.of("ptdump", sample),
                List.of("ptov", sample, "0x2000000"),
                List.of("convert", sample, "--to", "raw", work.resolve("sample.raw").toString()));
    }

    /** Direct-map and kernel-text addresses of the sample, mapped and not, one per line. */
    private static String batchInput() {
        StringBuilder b = new StringBuilder(BATCH_ADDRESSES * 20);
        for (int i = 0; i < BATCH_ADDRESSES; i++) {
            long va = (i % 4 == 0 ? 0xffffffff81000000L : 0xffff888000000000L) + (long) (i % 0x9000) * 0x1000 + 8L * (i % 512);
            b.append("0x").append(Long.toHexString(va)).append('\n');
        }
        return b.toString();
    }

    /** Runs one command line; 0 and 1 (an address not mapped) are what the sample gives, anything else is a failure. */
    private static void run(List<String> command) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(command.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status > 1) {
            throw new IllegalStateException("training run 'vmscope " + String.join(" ", command)
                    + "' failed with status " + status + ": " + err.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
