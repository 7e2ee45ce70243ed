package dev.vmscope.core.xen;

/** What a p2m entry says about one pseudo-physical frame. */
public enum P2mKind {
    /** Backed by the machine frame the entry names. */
    MAPPED("ram", true),
    /** A 1:1 frame (an e820 hole or I/O range): the machine frame number equals the pfn (bit 62). */
    IDENTITY("identity", true),
    /** A frame of another domain mapped in (grant or foreign mapping, bit 63); the entry names that machine frame. */
    FOREIGN("foreign", true),
    /** The entry is ~0: no machine frame backs this pfn. */
    INVALID("invalid", false),
    /** The p2m structure does not reach this pfn (past its end, a missing table, a shared empty leaf). */
    UNREACHABLE("unreachable", false);

    private final String id;
    private final boolean backed;

    P2mKind(String id, boolean backed) {
        this.id = id;
        this.backed = backed;
    }

    /** The word in output. */
    public String id() {
        return id;
    }

    /** Whether a machine frame backs the pfn. */
    public boolean backed() {
        return backed;
    }
}
