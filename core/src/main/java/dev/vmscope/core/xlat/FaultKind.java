package dev.vmscope.core.xlat;

/** Why a translation failed: a closed set. */
public enum FaultKind {
    /** An entry on the way is not present. */
    NOT_PRESENT,
    /** The address cannot be translated at all (non-canonical, outside the form). */
    INVALID_ADDRESS,
    /** A table on the way is not in the dump. */
    NO_DATA,
    /** The entry uses a feature vmscope does not decode. */
    UNSUPPORTED,
    /** The tables are inconsistent (reserved bits, a loop). */
    CORRUPT
}
