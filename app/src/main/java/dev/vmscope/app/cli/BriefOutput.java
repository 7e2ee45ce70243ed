package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code vtop --brief}: one line {@code VA PA} per address, {@code VA -} when unmapped. Made for
 * millions of addresses: the digits are written straight into a reused buffer, nothing is formatted
 * per line, and the output is flushed once at the end.
 */
final class BriefOutput implements VtopOutput {
    private static final int BUFFER = 1 << 16;

    private final Streams io;
    private final Writer w;
    /** "0x" + 16 digits, a space, "0x" + 16 digits, a newline. */
    private final char[] line = new char[2 * 18 + 2];

    BriefOutput(Streams io) {
        this.io = io;
        this.w = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.US_ASCII), BUFFER);
    }

    @Override
    public void add(Translation t) {
        add(t.virtualAddress(), t.result() instanceof WalkResult.Mapped m ? m.address() : BatchTranslator.UNMAPPED);
    }

    /** One line for an address translated by the batch translator ({@link BatchTranslator#UNMAPPED} when not mapped). */
    void add(long va, long pa) {
        int n = hex(va, 0);
        line[n++] = ' ';
        if (pa != BatchTranslator.UNMAPPED) {
            n = hex(pa, n);
        } else {
            line[n++] = '-';
        }
        line[n++] = '\n';
        try {
            w.write(line, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io.checkOutput();
    }

    /** Writes {@code 0x} and the lowercase hex digits of an unsigned value at {@code at}; returns the end. */
    private int hex(long v, int at) {
        line[at++] = '0';
        line[at++] = 'x';
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
        for (int i = digits - 1; i >= 0; i--) {
            line[at++] = HexDump.DIGITS[(int) (v >>> (4 * i)) & 0xf];
        }
        return at;
    }
}
