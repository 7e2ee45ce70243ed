package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the command line: its exit status, standard output and standard error. */
record CliRun(int status, byte[] stdout, String stderr) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        return withInput(new ByteArrayInputStream(new byte[0]), args);
    }

    static CliRun withInput(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard output as lines. */
    List<String> lines() {
        return out().lines().toList();
    }

    /** Standard output parsed as the one JSON document it must be. */
    JsonNode json() {
        try {
            return JSON.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not one JSON document: " + out(), e);
        }
    }

    /** The lines written to standard error. */
    List<String> errorLines() {
        return stderr.lines().toList();
    }

    @Override
    public String toString() {
        return "status " + status + ", stderr: " + stderr;
    }
}
