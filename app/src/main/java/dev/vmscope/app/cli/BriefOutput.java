package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code vtop --brief}: one line {@code VA PA} per address, {@code VA -} when unmapped (see
 * {@link BriefFormat}). Made for millions of addresses: lines are formatted as bytes straight into a
 * reused buffer, and whole blocks of lines formatted elsewhere are written as they are.
 */
final class BriefOutput implements VtopOutput {
    private static final int BUFFER = 1 << 16;

    private final Streams io;
    private final byte[] buffer = new byte[BUFFER];
    private int used;

    BriefOutput(Streams io) {
        this.io = io;
    }

    @Override
    public void add(Translation t) {
        add(t.virtualAddress(), t.result() instanceof WalkResult.Mapped m ? m.address() : BatchTranslator.UNMAPPED);
    }

    /** One line for an address translated by the batch translator ({@link BatchTranslator#UNMAPPED} when not mapped). */
    void add(long va, long pa) {
        if (used > BUFFER - BriefFormat.room(1)) {
            flushBuffer();
        }
        used = BriefFormat.line(buffer, used, va, pa);
    }

    /** Lines already formatted, after those added before; then checks that the output is still being read. */
    void write(byte[] lines, int length) {
        flushBuffer();
        put(lines, length);
        io.checkOutput();
    }

    @Override
    public void finish() {
        flushBuffer();
        try {
            io.out().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io.checkOutput();
    }

    private void flushBuffer() {
        put(buffer, used);
        used = 0;
    }

    private void put(byte[] bytes, int length) {
        if (length == 0) {
            return;
        }
        try {
            io.out().write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
