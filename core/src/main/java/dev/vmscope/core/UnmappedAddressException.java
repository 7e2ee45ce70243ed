package dev.vmscope.core;

import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

/** A virtual address that the page tables do not map; carries the failed translation. */
public final class UnmappedAddressException extends RuntimeException {
    private final transient Translation translation;

    public UnmappedAddressException(Translation t) {
        super("virtual address " + Hex.of(t.virtualAddress()) + " is not mapped: "
                + t.fault().map(WalkResult.Fault::reason).orElse("no mapping")
                + t.fault().map(f -> " (" + f.detail() + ")").orElse(""));
        this.translation = t;
    }

    public Translation translation() {
        return translation;
    }
}
