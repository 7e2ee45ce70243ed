package dev.vmscope.core.xlat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one page-table entry says.
 *
 * @param present  whether the entry maps anything
 * @param leaf     whether it maps a page (4 KiB or huge) rather than pointing to a next table
 * @param target   the next table's address, or the page's base address, in the table's address space
 * @param flags    the set bits by name, in the same words everywhere ({@code present}, {@code rw}, ...)
 * @param pageSize for a leaf whose size is not the level's span (ARM supersections and large pages), its
 *                 size; 0 means "what one entry of this level maps"
 * @param problem  for an entry that maps nothing although it is not simply marked not present (a reserved
 *                 encoding, or one vmscope does not walk): why; the walk reports it instead of "not present"
 */
public record DecodedEntry(boolean present, boolean leaf, long target, List<String> flags,
                           boolean writable, boolean user, boolean noExecute, long pageSize,
                           Optional<Problem> problem) {

    /**
     * Why an entry cannot be used.
     *
     * @param reason words that follow "{@code <level> entry}", e.g. {@code "is a block, which this level does not allow"}
     */
    public record Problem(FaultKind kind, String reason) {
        public Problem {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(reason);
        }
    }

    public DecodedEntry {
        flags = List.copyOf(flags);
        Objects.requireNonNull(problem);
    }

    public DecodedEntry(boolean present, boolean leaf, long target, List<String> flags,
                        boolean writable, boolean user, boolean noExecute, long pageSize) {
        this(present, leaf, target, flags, writable, user, noExecute, pageSize, Optional.empty());
    }

    public DecodedEntry(boolean present, boolean leaf, long target, List<String> flags,
                        boolean writable, boolean user, boolean noExecute) {
        this(present, leaf, target, flags, writable, user, noExecute, 0);
    }

    public static DecodedEntry notPresent(List<String> flags) {
        return new DecodedEntry(false, false, 0, flags, false, false, false, 0);
    }

    /** An entry that maps nothing for a reason other than a clear present bit. */
    public static DecodedEntry unusable(List<String> flags, FaultKind kind, String reason) {
        return new DecodedEntry(false, false, 0, flags, false, false, false, 0, Optional.of(new Problem(kind, reason)));
    }
}
