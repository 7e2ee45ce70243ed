package dev.vmscope.core;

import dev.vmscope.core.io.Space;

/** An address whose bytes the source does not hold (a hole, a filtered page, a range past the end). */
public final class MemoryAccessException extends DumpException {
    /** Why the bytes are not there. */
    public enum Reason {
        NOT_IN_DUMP("not in the dump"),
        EXCLUDED("excluded from the dump by filtering");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final long address;
    private final Space space;
    private final Reason reason;

    public MemoryAccessException(Space space, long address, Reason reason) {
        super(space.word() + " address " + Hex.of(address) + " is " + reason.words());
        this.address = address;
        this.space = space;
        this.reason = reason;
    }

    public long address() {
        return address;
    }

    public Space space() {
        return space;
    }

    public Reason reason() {
        return reason;
    }
}
