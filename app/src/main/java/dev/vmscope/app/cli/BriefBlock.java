package dev.vmscope.app.cli;

import dev.vmscope.core.xlat.BatchTranslator;

import java.io.IOException;

/**
 * One block of {@code vtop --brief} work: whole lines of the input, their addresses and their output
 * lines. Filled by the reading thread, translated by one worker, written by the reading thread again,
 * then reused; its buffers only grow.
 */
final class BriefBlock {
    private byte[] input = new byte[AddressInput.BLOCK];
    private int inputLength;
    private long[] addresses = new long[0];
    private byte[] output = new byte[0];

    /**
     * What a worker made of a block.
     *
     * @param outputLength the bytes of {@link #output()} to write
     * @param lines        the lines read, up to the bad line or the failure when there is one
     * @param bad          the line that is not an address, or null
     * @param failure      what stopped the translation after the output so far, or null
     */
    record Translated(BriefBlock block, int outputLength, int lines, BriefTally tally,
                      AddressLines.BadLine bad, RuntimeException failure) {
        byte[] output() {
            return block.output;
        }
    }

    /** Reads the next lines of {@code in}; false at its end. */
    boolean read(AddressInput in) throws IOException {
        AddressInput.Block b = in.next(input);
        if (b == null) {
            return false;
        }
        input = b.bytes();
        inputLength = b.length();
        return true;
    }

    /** Parses the lines and formats the line of each address as {@code translator} translates it. */
    Translated translate(BatchTranslator translator) {
        int room = AddressLines.maxAddresses(inputLength);
        if (addresses.length < room) {
            addresses = new long[room];
        }
        AddressLines.Parsed parsed = AddressLines.parse(input, 0, inputLength, addresses);
        int count = parsed.count();
        if (output.length < BriefFormat.room(count)) {
            output = new byte[BriefFormat.room(count)];
        }
        BriefTally tally = new BriefTally();
        int at = 0;
        for (int i = 0; i < count; i++) {
            long va = addresses[i];
            long pa;
            try {
                pa = translator.translate(va);
            } catch (RuntimeException e) {
                return new Translated(this, at, parsed.lines(), tally, null, e);
            }
            at = BriefFormat.line(output, at, va, pa);
            tally.add(va, pa);
        }
        return new Translated(this, at, parsed.lines(), tally, parsed.bad(), null);
    }
}
