package dev.vmscope.core.testing.kdump;

/** What a test dump holds at one pfn. */
public enum PageKind {
    /** In both bitmaps, stored with its own data. */
    RAM,
    /** In both bitmaps, its descriptor pointing at the shared zero page; reads as zeros. */
    ZERO,
    /** RAM (first bitmap) but left out by filtering (not in the dumped bitmap). */
    EXCLUDED,
    /** In neither bitmap. */
    HOLE,
    /** In both bitmaps, but its descriptor never written (an incomplete dump). */
    UNWRITTEN
}
