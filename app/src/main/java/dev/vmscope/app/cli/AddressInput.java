package dev.vmscope.app.cli;

import dev.vmscope.core.DumpIoException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * The addresses of {@code vtop --from FILE}: one per line, hexadecimal with or without {@code 0x};
 * blank lines and lines starting with {@code #} are skipped. Read as a stream, so the file can be
 * of any length, and {@code -} is standard input.
 */
final class AddressInput implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final BufferedReader reader;
    private final String name;

    private AddressInput(BufferedReader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** Opens the file now, so that a missing one is reported before the dump is opened. */
    static AddressInput open(String file, InputStream stdin) {
        if (file.equals("-")) {
            return new AddressInput(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.ISO_8859_1), BUFFER),
                    "standard input");
        }
        try {
            return new AddressInput(Files.newBufferedReader(Path.of(file), StandardCharsets.ISO_8859_1), file);
        } catch (IOException e) {
            throw new DumpIoException(file, "cannot read the addresses of --from", e);
        }
    }

    /** Hands every address to {@code sink} in order; a line that is not an address stops with its line number. */
    void forEach(LongConsumer sink) {
        long number = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.charAt(0) == '#') {
                    continue;
                }
                sink.accept(Addresses.parse(t, name + ", line " + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("reading " + name + " at line " + number + ": " + e.getMessage(), e));
        }
    }

    /** Closes the file; a failure to close a file that was only read changes nothing, so it is only logged. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            elf4j.Logger.instance().atDebug().log(e, (Object) ("closing " + name));
        }
    }
}
