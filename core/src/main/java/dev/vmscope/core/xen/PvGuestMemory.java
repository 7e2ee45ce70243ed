package dev.vmscope.core.xen;

import dev.vmscope.core.io.Memory;

import java.util.Optional;

/**
 * The memory of a dump of one Xen guest that carries the guest's own p2m (an {@code xl dump-core} file):
 * for a paravirtualised guest the pages are keyed by machine frame and the p2m gives their pfns; an
 * HVM guest's pages are keyed by guest-physical frame and there is no p2m.
 */
public interface PvGuestMemory extends Memory {
    Optional<P2m> p2m();
}
