package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.xlat.Translation;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer for one pfn: its kind, its machine frame when one backs it, why not otherwise, and the walk
 * that found it (the p2m tree as a walk, or the page-table walk of the linear list) when there was one.
 */
public record P2mLookup(long pfn, P2mKind kind, OptionalLong mfn, String explanation, Optional<Translation> walk) {
    public P2mLookup {
        if (kind.backed() != mfn.isPresent()) {
            throw new IllegalArgumentException(kind + " lookup " + (mfn.isPresent() ? "with" : "without") + " a frame");
        }
    }

    public static P2mLookup backed(long pfn, P2mKind kind, long mfn, String explanation, Optional<Translation> walk) {
        return new P2mLookup(pfn, kind, OptionalLong.of(mfn), explanation, walk);
    }

    public static P2mLookup none(long pfn, P2mKind kind, String explanation, Optional<Translation> walk) {
        return new P2mLookup(pfn, kind, OptionalLong.empty(), explanation, walk);
    }

    /** The machine address of the page, when a frame backs it. */
    public Optional<Address> machine() {
        return mfn.isPresent() ? Optional.of(Address.machine(mfn.getAsLong() << 12)) : Optional.empty();
    }

    public Address pseudoPhysical() {
        return Address.physical(pfn << 12);
    }

    @Override
    public String toString() {
        return "pfn " + Hex.of(pfn) + ": " + kind.id() + (mfn.isPresent() ? " mfn " + Hex.of(mfn.getAsLong()) : "")
                + " (" + explanation + ")";
    }
}
