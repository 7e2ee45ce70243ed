package dev.vmscope.core.xen;

import dev.vmscope.core.Progress;

/**
 * A PV guest's pseudo-physical to machine map, as one of the layouts it is kept in: Linux's
 * three-level frame-list tree, the linear list in the guest's virtual memory, or the table of an
 * {@code xl dump-core} file. Lookups walk the structure; {@link #enumerate} reads it all once.
 */
public sealed interface P2m permits TreeP2m, LinearP2m, TableP2m {

    /** {@code tree}, {@code linear} or {@code xc-core}, the words of {@code p2m --json}. */
    String layout();

    MaxPfn maxPfn();

    /** One pfn, with the walk that found it. Never throws for a pfn the structure cannot reach: that is a result. */
    P2mLookup lookup(long pfn);

    /**
     * Every pfn below max_pfn, with progress and cancellation, within {@link P2mLimits#DEFAULT}.
     *
     * @throws dev.vmscope.core.UnsupportedDumpException when the map would exceed the enumeration caps
     */
    default P2mMap enumerate(Progress progress) {
        return enumerate(progress, P2mLimits.DEFAULT);
    }

    /**
     * Every pfn below max_pfn, within the given limits.
     *
     * @throws dev.vmscope.core.UnsupportedDumpException when the map would exceed {@code limits.maxPieces()}
     */
    P2mMap enumerate(Progress progress, P2mLimits limits);
}
