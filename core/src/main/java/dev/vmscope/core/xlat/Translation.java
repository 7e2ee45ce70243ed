package dev.vmscope.core.xlat;

import java.util.List;
import java.util.Optional;

/** A whole translation of one virtual address: the steps and the result. Views render it, never recompute it. */
public record Translation(long virtualAddress, long root, PagingMode mode, List<WalkStep> steps, WalkResult result) {
    public Translation {
        steps = List.copyOf(steps);
    }

    public boolean mapped() {
        return result instanceof WalkResult.Mapped;
    }

    public Optional<WalkResult.Mapped> mapping() {
        return result instanceof WalkResult.Mapped m ? Optional.of(m) : Optional.empty();
    }

    public Optional<WalkResult.Fault> fault() {
        return result instanceof WalkResult.Fault f ? Optional.of(f) : Optional.empty();
    }
}
