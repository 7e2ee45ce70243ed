package dev.vmscope.app.cli;

import dev.vmscope.core.DumpIoException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The addresses of {@code vtop --from FILE}: one per line, in the syntax of {@link AddressLines}. Read
 * as a stream of bytes in blocks of whole lines, so the file can be of any length, and {@code -} is
 * standard input.
 */
final class AddressInput implements AutoCloseable {
    /** The bytes read at a time; a block grows only for a line longer than that. */
    static final int BLOCK = 1 << 18;

    private final InputStream in;
    private final String name;
    /** The start of a line that the last block could not hold whole. */
    private byte[] tail = new byte[0];
    private int tailLength;
    /** The input has ended: every byte has been handed out. */
    private boolean ended;
    /** A read that failed after whole lines, which were handed out first. */
    private IOException failed;

    private AddressInput(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /**
     * Whole lines of the input.
     *
     * @param bytes  the buffer they are in, the one given to {@link #next} or a larger one
     * @param length how many bytes of it they take
     */
    record Block(byte[] bytes, int length) {
    }

    /** Opens the file now, so that a missing one is reported before the dump is opened. */
    static AddressInput open(String file, InputStream stdin) {
        if (file.equals("-")) {
            return new AddressInput(stdin, "standard input");
        }
        try {
            return new AddressInput(Files.newInputStream(Path.of(file)), file);
        } catch (IOException e) {
            throw new DumpIoException(file, "cannot read the addresses of --from", e);
        }
    }

    /** The input as messages name it: the file, or standard input. */
    String name() {
        return name;
    }

    /**
     * Reads the next lines into {@code buffer} until it is full (a buffer too small for one line is
     * replaced by a larger one); null at the end of the input.
     */
    Block next(byte[] buffer) throws IOException {
        if (failed != null) {
            throw failed;
        }
        if (ended) {
            return null;
        }
        byte[] b = buffer.length > tailLength ? buffer : new byte[2 * tailLength];
        System.arraycopy(tail, 0, b, 0, tailLength);
        int n = tailLength;
        tailLength = 0;
        while (true) {
            int r;
            try {
                r = in.read(b, n, b.length - n);
            } catch (IOException e) {
                return afterFailure(e, b, n);
            }
            if (r < 0) {
                ended = true;
                return n == 0 ? null : new Block(b, n);
            }
            n += r;
            if (n < b.length) {
                continue;
            }
            int cut = AddressLines.lastLineEnd(b, n);
            if (cut > 0) {
                keepTail(b, cut, n);
                return new Block(b, cut);
            }
            b = Arrays.copyOf(b, 2 * b.length);
        }
    }

    /**
     * The whole lines read before a read failed, if any, so that the failure names the line after
     * them; the failure comes at the next call.
     */
    private Block afterFailure(IOException e, byte[] b, int n) throws IOException {
        int cut = AddressLines.lastLineEnd(b, n);
        if (cut <= 0) {
            throw e;
        }
        failed = e;
        return new Block(b, cut);
    }

    private void keepTail(byte[] b, int from, int to) {
        tailLength = to - from;
        if (tail.length < tailLength) {
            tail = new byte[Math.max(tailLength, 2 * tail.length)];
        }
        System.arraycopy(b, from, tail, 0, tailLength);
    }

    /** Hands every address to {@code sink} in order; a line that is not an address stops with its line number. */
    void forEach(LongConsumer sink) {
        byte[] buffer = new byte[BLOCK];
        long[] addresses = new long[0];
        long lines = 0;
        try {
            for (Block block = next(buffer); block != null; block = next(buffer)) {
                buffer = block.bytes();
                if (addresses.length < AddressLines.maxAddresses(block.length())) {
                    addresses = new long[AddressLines.maxAddresses(buffer.length)];
                }
                AddressLines.Parsed parsed = AddressLines.parse(buffer, 0, block.length(), addresses);
                for (int i = 0; i < parsed.count(); i++) {
                    sink.accept(addresses[i]);
                }
                if (parsed.bad() != null) {
                    throw parsed.bad().failure(name, lines);
                }
                lines += parsed.lines();
            }
        } catch (IOException e) {
            throw readFailure(e, lines);
        }
    }

    /** The failure of a read after {@code lines} whole lines. */
    UncheckedIOException readFailure(IOException e, long lines) {
        return new UncheckedIOException(new IOException("reading " + name + " at line " + lines + ": " + e.getMessage(), e));
    }

    /** Closes the file; a failure to close a file that was only read changes nothing, so it is only logged. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            elf4j.Logger.instance().atDebug().log(e, (Object) ("closing " + name));
        }
    }
}
