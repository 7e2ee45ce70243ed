package dev.vmscope.core.xen;

/**
 * How far {@link P2m#enumerate} goes before it stops or refuses: a budget against hostile p2m structures,
 * far above what a real domain needs.
 *
 * @param maxPfns   pfns of a tree or linear p2m enumerated at most; those from here to max_pfn are reported
 *                  as not enumerated (an xc_core table is as long as its file)
 * @param maxPieces runs plus gaps kept at most; past it the enumeration is refused
 */
public record P2mLimits(long maxPfns, int maxPieces) {
    /**
     * What every caller uses: 2^30 pfns (4 TiB of guest memory) and 2^16 pieces. A real dom0's p2m is a few
     * hundred to a few thousand runs and gaps, since Xen hands out frames in large contiguous chunks (the
     * corpus Xen dom0 has 82,017 pfns in 443 runs); 65,536 pieces is more than ten times that and costs at
     * most about 2 MiB of run records, while a hostile p2m whose every entry names an unrelated frame reaches
     * it after 128 leaf pages.
     */
    public static final P2mLimits DEFAULT = new P2mLimits(LeafScan.MAX_PFNS, 1 << 16);

    public P2mLimits {
        if (maxPfns < 0 || maxPieces < 0) {
            throw new IllegalArgumentException("negative p2m limits");
        }
    }
}
