package dev.vmscope.app.reader;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads from the reader's pipe that know where they are, so that a malformed answer is
 * reported with its offset, and that check every length before allocating for it.
 */
final class WireInput {
    private final InputStream in;
    private final String name;
    private final String context;
    private final long limit;
    private long position;

    /**
     * @param context what is being read, e.g. {@code reader announcement}
     * @param limit   the most bytes this input may take from the stream (an announcement's bound)
     */
    WireInput(InputStream in, String name, String context, long limit) {
        this.in = in;
        this.name = name;
        this.context = context;
        this.limit = limit;
    }

    long position() {
        return position;
    }

    byte[] exactly(int n, String what) throws IOException {
        if (n > limit - position) {
            throw new DumpFormatException(name, position, context + ": " + what, "at most " + limit + " bytes in all");
        }
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("the output ended inside the " + context + "'s " + what + " at offset " + Hex.of(position + b.length));
        }
        position += n;
        return b;
    }

    int u8(String what) throws IOException {
        return exactly(1, what)[0] & 0xff;
    }

    int i32(String what) throws IOException {
        byte[] b = exactly(4, what);
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    long i64(String what) throws IOException {
        return ((long) i32(what) << 32) | (i32(what) & 0xffffffffL);
    }

    /** A count or length in {@code [0, max]}. */
    int count(String what, int max) throws IOException {
        long at = position;
        int n = i32(what);
        if (n < 0 || n > max) {
            throw new DumpFormatException(name, at, context + ": " + what, "0 to " + max + ", found " + n);
        }
        return n;
    }

    byte[] bytes(String what, int max) throws IOException {
        return exactly(count(what + " length", max), what);
    }

    String string(String what, int max) throws IOException {
        return new String(bytes(what, max), StandardCharsets.UTF_8);
    }
}
