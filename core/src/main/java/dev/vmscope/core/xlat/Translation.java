package dev.vmscope.core.xlat;

import dev.vmscope.core.io.Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole translation of one virtual address: the steps and the result. Views render it, never recompute it.
 *
 * @param pseudoPhysical for a Xen PV guest walked in machine space: the mapped address in the guest's
 *                       pseudo-physical space (the result's own address stays the machine one)
 */
public record Translation(long virtualAddress, long root, PagingMode mode, List<WalkStep> steps, WalkResult result,
                          Optional<Address> pseudoPhysical) {
    public Translation {
        steps = List.copyOf(steps);
        java.util.Objects.requireNonNull(pseudoPhysical);
    }

    /** A translation with no pseudo-physical companion. */
    public Translation(long virtualAddress, long root, PagingMode mode, List<WalkStep> steps, WalkResult result) {
        this(virtualAddress, root, mode, steps, result, Optional.empty());
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

    /**
     * The same translation with pseudo-physical companions: one per step (in step order) and one for the result.
     */
    public Translation withPseudoPhysical(List<Optional<Address>> tables, Optional<Address> mappedPseudoPhysical) {
        if (tables.size() != steps.size()) {
            throw new IllegalArgumentException("one companion per step: " + steps.size() + " steps, " + tables.size() + " companions");
        }
        List<WalkStep> annotated = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            annotated.add(steps.get(i).withTablePseudoPhysical(tables.get(i)));
        }
        return new Translation(virtualAddress, root, mode, annotated, result, mappedPseudoPhysical);
    }
}
