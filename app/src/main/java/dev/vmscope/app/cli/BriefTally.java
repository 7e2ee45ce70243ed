package dev.vmscope.app.cli;

import dev.vmscope.core.Session;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.xlat.BatchTranslator;

/**
 * The count of {@code vtop --brief} addresses and of those not mapped, with the first of them, for the
 * exit status and the one line on stderr. A block's tally is added to the whole one in input order.
 */
final class BriefTally {
    private long total;
    private long unmapped;
    private long firstUnmapped;

    /** One address and its translation ({@link BatchTranslator#UNMAPPED} when not mapped). */
    void add(long va, long pa) {
        total++;
        if (pa == BatchTranslator.UNMAPPED && unmapped++ == 0) {
            firstUnmapped = va;
        }
    }

    /** The addresses of a later block. */
    void add(BriefTally later) {
        if (unmapped == 0 && later.unmapped > 0) {
            firstUnmapped = later.firstUnmapped;
        }
        total += later.total;
        unmapped += later.unmapped;
    }

    /**
     * 0 when every address is mapped; otherwise fails with the count and the fault of the first
     * unmapped address, which is walked once more to name it.
     */
    int status(Session session) {
        if (unmapped == 0) {
            return 0;
        }
        String why = new UnmappedAddressException(session.translate(firstUnmapped)).getMessage();
        throw CliFailure.notMapped(unmapped == 1 && total == 1 ? why
                : unmapped + " of " + total + " addresses are not mapped; the first: " + why);
    }
}
