package dev.vmscope.core.xlat;

import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;

import java.util.Optional;

/**
 * One level of a page-table walk, frozen.
 *
 * @param level        the level's name ({@code PML4}, {@code PD}, {@code L2}, ...)
 * @param table        the table's address in {@code tableSpace}
 * @param index        the index the virtual address selects
 * @param vaHighBit    the highest virtual-address bit forming the index
 * @param vaLowBit     the lowest virtual-address bit forming the index
 * @param entryAddress {@code table + index * entrySize}
 * @param entry        the raw entry
 * @param decoded      what the entry says; {@code null} when the entry could not be read
 * @param tablePseudoPhysical for a walk of a Xen PV guest's tables in machine space: the same table's
 *                     pseudo-physical address, when the guest's p2m knows the frame
 */
public record WalkStep(String level, long table, Space tableSpace, int index, int vaHighBit, int vaLowBit,
                       long entryAddress, long entry, DecodedEntry decoded, Optional<Address> tablePseudoPhysical) {

    public WalkStep {
        java.util.Objects.requireNonNull(tablePseudoPhysical);
    }

    /** A step of an ordinary walk, with no pseudo-physical companion. */
    public WalkStep(String level, long table, Space tableSpace, int index, int vaHighBit, int vaLowBit,
                    long entryAddress, long entry, DecodedEntry decoded) {
        this(level, table, tableSpace, index, vaHighBit, vaLowBit, entryAddress, entry, decoded, Optional.empty());
    }

    public boolean entryRead() {
        return decoded != null;
    }

    /** The same step with the table's pseudo-physical address alongside. */
    public WalkStep withTablePseudoPhysical(Optional<Address> pseudoPhysical) {
        return new WalkStep(level, table, tableSpace, index, vaHighBit, vaLowBit, entryAddress, entry, decoded, pseudoPhysical);
    }
}
