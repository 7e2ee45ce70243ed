package dev.vmscope.views.walk;

import dev.vmscope.core.io.Address;
import dev.vmscope.core.xlat.DecodedEntry;

import java.util.Optional;

/**
 * One entry of a page table as the walk pane lists it.
 *
 * @param virtualStart the first virtual address this entry translates (the walked address with this
 *                     level's index replaced and the bits below cleared)
 * @param targetPseudoPhysical for a Xen PV guest's tables in machine space: the target's pseudo-physical
 *                     address, when the guest's p2m knows the frame
 */
public record TableEntry(int index, long entryAddress, long raw, DecodedEntry decoded, long virtualStart,
                         Optional<Address> targetPseudoPhysical) {

    public boolean present() {
        return decoded.present();
    }
}
