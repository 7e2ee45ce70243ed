package dev.vmscope.views;

import dev.vmscope.core.io.Space;

/**
 * How one pane sends the user to another: the explorer implements it, panes only call it, so no
 * pane knows the others.
 */
public interface Navigation {

    /** Does nothing: for a pane shown alone. */
    Navigation NONE = new Navigation() {
        @Override
        public void walk(long virtualAddress) {
        }

        @Override
        public void useCpuRoot(int cpu) {
        }

        @Override
        public void showHex(Space space, long address) {
        }
    };

    /** Shows the page-table walk of this virtual address with the root currently chosen. */
    void walk(long virtualAddress);

    /** Shows the walk pane with CPU {@code cpu}'s page-table root chosen. */
    void useCpuRoot(int cpu);

    /** Shows the hex view at this address of this space. */
    void showHex(Space space, long address);
}
