package dev.vmscope.core;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Choices every command and the GUI share when opening a source.
 *
 * @param vmcoreinfo a VMCOREINFO text file to use instead of (or where the dump lacks) its own
 * @param root       the top-level page table to use, physical (machine for Xen)
 * @param cpu        use this CPU's page-table root from the dump's notes
 * @param zeroExcluded read pages that filtering excluded as zeros instead of reporting them
 */
public record OpenOptions(Optional<Path> vmcoreinfo, OptionalLong root, OptionalInt cpu, boolean zeroExcluded) {
    public static final OpenOptions DEFAULT = new OpenOptions(Optional.empty(), OptionalLong.empty(), OptionalInt.empty(), false);

    public OpenOptions withVmcoreinfo(Path file) {
        return new OpenOptions(Optional.of(file), root, cpu, zeroExcluded);
    }

    public OpenOptions withRoot(long address) {
        return new OpenOptions(vmcoreinfo, OptionalLong.of(address), cpu, zeroExcluded);
    }

    public OpenOptions withCpu(int n) {
        return new OpenOptions(vmcoreinfo, root, OptionalInt.of(n), zeroExcluded);
    }

    public OpenOptions withZeroExcluded(boolean zero) {
        return new OpenOptions(vmcoreinfo, root, cpu, zero);
    }
}
